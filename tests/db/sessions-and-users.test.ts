import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { signIn } from "@/lib/server/auth/sign-in";
import { signOutSession } from "@/lib/server/auth/sign-out";
import { db } from "@/lib/server/db";
import { actorFor, makeUser, TEST_PASSWORD } from "@/lib/server/testing/factories";
import { changeOwnPassword } from "@/lib/server/users/change-password";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";
import { changeUserRole, resetUserMfa, setUserDisabled, unlockUser } from "@/lib/server/users/manage-user";
import { validateSession } from "@/lib/server/users/sessions";

let n = 0;
const login = (email: string, password = TEST_PASSWORD) => signIn({ email, password, ip: `192.0.2.${++n % 250}`, userAgent: "vitest" });

describe("server-side sessions end at once", () => {
  it("sign-out revokes the session", async () => {
    const u = await makeUser();
    const s = await login(u.email);
    await signOutSession(s.sessionId);
    expect(await validateSession(s.sessionId)).toBeNull();
  });

  it("a role change ends every session of that user", async () => {
    const admin = await actorFor("admin");
    const u = await makeUser({ role: "reviewer" });
    const a = await login(u.email);
    const b = await login(u.email);
    await changeUserRole(admin, u.id, "auditor");
    expect(await validateSession(a.sessionId)).toBeNull();
    expect(await validateSession(b.sessionId)).toBeNull();
  });

  it("disabling ends sessions; enabling does not bring them back", async () => {
    const admin = await actorFor("admin");
    const u = await makeUser();
    const s = await login(u.email);
    await setUserDisabled(admin, u.id, true);
    expect(await validateSession(s.sessionId)).toBeNull();
    await setUserDisabled(admin, u.id, false);
    expect(await validateSession(s.sessionId)).toBeNull();
  });

  it("a password change ends the user's other sessions and keeps the current one", async () => {
    const u = await makeUser({ role: "auditor" });
    const current = await login(u.email);
    const other = await login(u.email);
    const actor: Actor = { kind: "user", userId: u.id, email: u.email, name: u.name, role: "auditor", sessionId: current.sessionId, ip: null, mfaEnrolmentRequired: false };
    await expect(changeOwnPassword(actor, { currentPassword: "nope", newPassword: "another-long-password" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "short" })).rejects.toMatchObject({ code: "VALIDATION", details: [{ path: "newPassword" }] });
    expect(await changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "another-long-password" })).toEqual({ otherSessionsEnded: 1 });
    expect(await validateSession(other.sessionId)).toBeNull();
    expect(await validateSession(current.sessionId)).not.toBeNull();
    await expect(login(u.email)).rejects.toMatchObject({ code: "INVALID" });
    await expect(login(u.email, "another-long-password")).resolves.toBeTruthy();
  });

  it("idle timeout and absolute lifetime", async () => {
    const u = await makeUser();
    const idle = await login(u.email);
    await db().authSession.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await validateSession(idle.sessionId)).toBeNull();
    expect((await db().authSession.findUniqueOrThrow({ where: { id: idle.sessionId } })).revokedWhy).toBe("idle_timeout");
    const old = await login(u.email);
    await db().authSession.update({ where: { id: old.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSession(old.sessionId)).toBeNull();
  });
});

describe("user administration", () => {
  it("validates input and names each bad field", async () => {
    const admin = await actorFor("admin");
    await expect(createUser(admin, { email: "not-an-email", name: "", role: "god", password: "short" })).rejects.toMatchObject({
      code: "VALIDATION",
      details: expect.arrayContaining([expect.objectContaining({ path: "email" }), expect.objectContaining({ path: "name" }), expect.objectContaining({ path: "role" }), expect.objectContaining({ path: "password" })]),
    });
  });

  it("refuses a duplicate email (case-insensitive) and writes nothing", async () => {
    const admin = await actorFor("admin");
    const u = await makeUser();
    const before = await db().user.count();
    await expect(createUser(admin, { email: u.email.toUpperCase(), name: "Dup", role: "reviewer", password: TEST_PASSWORD })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().user.count()).toBe(before);
  });

  it("never leaves the system without an enabled admin", async () => {
    const admin = await actorFor("admin");
    await db().user.updateMany({ where: { role: "admin", id: { not: admin.userId } }, data: { role: "auditor" } });
    await expect(changeUserRole(admin, admin.userId, "reviewer")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserDisabled(admin, admin.userId, true)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a missing user id is a 404, not a crash", async () => {
    const admin = await actorFor("admin");
    await expect(changeUserRole(admin, "does-not-exist", "auditor")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("user list DTOs carry no secrets", async () => {
    const admin = await actorFor("admin");
    const list = await listUsers(admin);
    expect(Object.keys(list[0]!).sort()).toEqual(["createdAt", "disabled", "email", "id", "lockedUntil", "mfaEnabled", "name", "role"]);
  });
});

describe("permission matrix on the user and key functions: only admins change anything", () => {
  const cases: [string, (actor: Actor, targetId: string) => Promise<unknown>][] = [
    ["createUser", (a) => createUser(a, { email: `x${Math.random()}@t.test`, name: "X", role: "reviewer", password: TEST_PASSWORD })],
    ["changeUserRole", (a, id) => changeUserRole(a, id, "auditor")],
    ["setUserDisabled", (a, id) => setUserDisabled(a, id, true)],
    ["resetUserMfa", (a, id) => resetUserMfa(a, id)],
    ["unlockUser", (a, id) => unlockUser(a, id)],
    ["listUsers", (a) => listUsers(a)],
  ];
  for (const role of ["admin", "compliance_officer", "reviewer", "auditor"] as const) {
    for (const [name, fn] of cases) {
      const allowed = role === "admin" || (role === "auditor" && name === "listUsers");
      it(`${role} ${allowed ? "may" : "may not"} ${name}`, async () => {
        const actor = await actorFor(role);
        const target = await makeUser({ role: "reviewer" });
        if (allowed) {
          await expect(fn(actor, target.id)).resolves.toBeTruthy();
        } else {
          await expect(fn(actor, target.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
          const denial = await db().auditEvent.findFirst({ where: { action: "permission.denied", actorId: actor.userId } });
          expect(denial).not.toBeNull();
          expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("reviewer");
        }
      });
    }
  }

  it("an anonymous actor is told to sign in", async () => {
    await expect(listUsers({ kind: "anonymous", ip: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a user who must enrol in MFA can do nothing but manage their own account", async () => {
    const actor = await actorFor("admin", { mfaEnrolmentRequired: true });
    await expect(listUsers(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
