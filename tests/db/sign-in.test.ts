import { describe, expect, it } from "vitest";
import { generateTotpSecret, totpAt } from "@/lib/crypto/totp";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { confirmMfaEnrolment, beginMfaEnrolment } from "@/lib/server/auth/mfa";
import { ACCOUNT_BACKOFF, mfaContext, signIn } from "@/lib/server/auth/sign-in";
import { backoffSeconds } from "@/lib/server/rate-limit";
import { db } from "@/lib/server/db";
import { encrypt } from "@/lib/server/keys";
import { setSetting } from "@/lib/server/settings/settings";
import { makeUser, TEST_PASSWORD } from "@/lib/server/testing/factories";
import { validateSession } from "@/lib/server/users/sessions";

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const attempt = (email: string, password: string, code?: string, ip = freshIp()) => signIn({ email, password, code, ip, userAgent: "vitest" });

/** Enables MFA directly (the enrolment flow has its own test) and returns the secret. */
async function withMfa(userId: string) {
  const secret = generateTotpSecret();
  await db().user.update({ where: { id: userId }, data: { mfaSecretEnc: encrypt(secret, mfaContext(userId)), mfaEnabledAt: new Date(), mfaLastStep: 0 } });
  return secret;
}

describe("sign-in", () => {
  it("accepts the right password, creates a live session and audits it", async () => {
    const u = await makeUser({ role: "reviewer" });
    const r = await attempt(u.email.toUpperCase(), TEST_PASSWORD);
    expect(r.userId).toBe(u.id);
    expect(await validateSession(r.sessionId)).toMatchObject({ userId: u.id });
    const ev = await db().auditEvent.findFirst({ where: { action: "auth.signin", entityId: u.id } });
    expect(ev).not.toBeNull();
  });

  it("refuses a wrong password and an unknown email with the same message, and audits both", async () => {
    const u = await makeUser();
    await expect(attempt(u.email, "wrong-password-123")).rejects.toMatchObject({ code: "INVALID", message: "Wrong email or password." });
    await expect(attempt("nobody@nowhere.test", "wrong-password-123")).rejects.toMatchObject({ code: "INVALID", message: "Wrong email or password." });
    expect(await db().auditEvent.count({ where: { action: "auth.signin.failed", entityId: u.id } })).toBe(1);
  });

  it("no lock: repeated failures slow an account down with a short backoff, answered alike for known and unknown emails", async () => {
    const u = await makeUser({ role: "admin" });
    const ghost = `ghost-${Date.now()}@nowhere.test`;
    const answers: { known: string[]; unknown: string[] } = { known: [], unknown: [] };
    for (let i = 0; i < 6; i++) {
      for (const [who, email] of [["known", u.email], ["unknown", ghost]] as const) {
        answers[who].push(await attempt(email, `bad-password-${i}x`).then(() => "ok", (e: { code: string; message: string }) => `${e.code}:${e.message.replace(/\d+ seconds?/, "N s")}`));
      }
    }
    expect(answers.known).toEqual(answers.unknown);
    expect(answers.known.slice(0, 3)).toEqual(Array(3).fill("INVALID:Wrong email or password."));
    expect(answers.known[3]).toMatch(/^RATE_LIMITED:Too many failed sign-ins for this account\. Try again in N s/);
    // Not a lock: once the (short) wait has passed, the right password works.
    await db().rateLimitBucket.updateMany({ where: { key: { startsWith: "signin:backoff:" }, count: 3 }, data: { windowStart: new Date(Date.now() - 60_000) } });
    await expect(attempt(u.email, TEST_PASSWORD)).resolves.toMatchObject({ userId: u.id });
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "auth.account.locked", entityId: u.id } })).toBe(0);
  });

  it("the backoff doubles from 2 s and stops at 5 minutes", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffSeconds(n, ACCOUNT_BACKOFF))).toEqual([0, 0, 0, 2, 4, 8, 16, 300]);
  });

  it("successful sign-ins from one address are not limited", async () => {
    const ip = freshIp();
    const u = await makeUser();
    for (let i = 0; i < 35; i++) await attempt(u.email, TEST_PASSWORD, undefined, ip);
    await expect(attempt(u.email, TEST_PASSWORD, undefined, ip)).resolves.toMatchObject({ userId: u.id });
  });

  it("rate-limits failed attempts per IP across accounts", async () => {
    const ip = freshIp();
    const u = await makeUser();
    for (let i = 0; i < 30; i++) await attempt(`ghost${i}@x.test`, "whatever-password", undefined, ip).catch(() => undefined);
    await expect(attempt(u.email, TEST_PASSWORD, undefined, ip)).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/Too many sign-in attempts/) });
    // The same account from another address is fine.
    await expect(attempt(u.email, TEST_PASSWORD)).resolves.toMatchObject({ userId: u.id });
  });

  it("refuses a disabled user", async () => {
    const u = await makeUser();
    await db().user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    await expect(attempt(u.email, TEST_PASSWORD)).rejects.toMatchObject({ code: "DISABLED" });
  });

  it("with MFA: asks for a code, accepts a valid one once, rejects a replay and a wrong one", async () => {
    const u = await makeUser({ role: "compliance_officer" });
    const secret = await withMfa(u.id);
    await expect(attempt(u.email, TEST_PASSWORD)).rejects.toMatchObject({ code: "MFA_REQUIRED" });
    const code = totpAt(secret, Date.now());
    const ok = await attempt(u.email, TEST_PASSWORD, code);
    expect((await db().authSession.findUniqueOrThrow({ where: { id: ok.sessionId } })).mfaPassed).toBe(true);
    await expect(attempt(u.email, TEST_PASSWORD, code)).rejects.toMatchObject({ code: "MFA_INVALID" });
    await expect(attempt(u.email, TEST_PASSWORD, "000000")).rejects.toMatchObject({ code: "MFA_INVALID" });
  });

  it("two concurrent sign-ins with the same code: exactly one wins", async () => {
    const u = await makeUser({ role: "admin" });
    const secret = await withMfa(u.id);
    const code = totpAt(secret, Date.now());
    const results = await Promise.allSettled([attempt(u.email, TEST_PASSWORD, code), attempt(u.email, TEST_PASSWORD, code)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("enrolment: QR + secret, confirm with a code, ten single-use recovery codes", async () => {
    const u = await makeUser({ role: "compliance_officer" });
    const actor = { kind: "user" as const, userId: u.id, email: u.email, name: u.name, role: u.role, sessionId: null, ip: null, mfaEnrolmentRequired: true };
    const start = await beginMfaEnrolment(actor);
    expect(start.qrDataUrl.startsWith("data:image/png;base64,")).toBe(true);
    await expect(confirmMfaEnrolment(actor, "12345", TEST_PASSWORD)).rejects.toMatchObject({ code: "VALIDATION" });
    const { recoveryCodes } = await confirmMfaEnrolment(actor, totpAt(start.secret, Date.now()), TEST_PASSWORD);
    expect(recoveryCodes).toHaveLength(10);
    await expect(beginMfaEnrolment(actor)).rejects.toMatchObject({ code: "CONFLICT" });
    // A recovery code signs in once.
    await expect(attempt(u.email, TEST_PASSWORD, recoveryCodes[0]!.toUpperCase())).resolves.toMatchObject({ userId: u.id });
    await expect(attempt(u.email, TEST_PASSWORD, recoveryCodes[0])).rejects.toMatchObject({ code: "MFA_INVALID" });
  });

  it("the MFA requirement setting is audited and only admins may change it", async () => {
    await setSetting(SYSTEM_CLI, "security.mfaRequired", true);
    const ev = await db().auditEvent.findFirst({ where: { action: "setting.update", entityId: "security.mfaRequired" }, orderBy: { id: "desc" } });
    expect(JSON.parse(ev!.diff!)).toMatchObject({ after: true });
  });
});
