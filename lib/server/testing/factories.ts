import "server-only";
// Factories shared by the demo seed and the tests, so both make data the same way the
// app does (through lib/server functions, audited), never by raw inserts.
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/permissions";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { createUser } from "@/lib/server/users/create-user";

export const TEST_PASSWORD = "correct-horse-battery-staple";

/** `mfaEnrolled`: marks MFA as set up (no secret), for officers whose keys must work while MFA is required. */
export async function makeUser(opts: { role?: Role; email?: string; name?: string; password?: string; actor?: Actor; mfaEnrolled?: boolean } = {}) {
  const email = opts.email ?? `user-${randomBytes(5).toString("hex")}@test.local`;
  const user = await createUser(opts.actor ?? SYSTEM_CLI, {
    email,
    name: opts.name ?? email.split("@")[0],
    role: opts.role ?? "reviewer",
    password: opts.password ?? TEST_PASSWORD,
  });
  if (opts.mfaEnrolled) await db().user.update({ where: { id: user.id }, data: { mfaEnabledAt: new Date() } });
  return user;
}

/** A user actor as a signed-in session would produce it (no session row). */
export async function actorFor(role: Role, overrides: Partial<Extract<Actor, { kind: "user" }>> = {}): Promise<Extract<Actor, { kind: "user" }>> {
  const u = await makeUser({ role });
  return { kind: "user", userId: u.id, email: u.email, name: u.name, role, sessionId: null, ip: "203.0.113.7", mfaEnrolmentRequired: false, ...overrides };
}

/** The signed-in actor of an existing user (e.g. to create their own API key). */
export async function actorOf(email: string): Promise<Extract<Actor, { kind: "user" }>> {
  const u = await db().user.findUniqueOrThrow({ where: { email } });
  return { kind: "user", userId: u.id, email: u.email, name: u.name, role: u.role as Role, sessionId: null, ip: "203.0.113.7", mfaEnrolmentRequired: false };
}

export async function userCount() {
  return db().user.count();
}
