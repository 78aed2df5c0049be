import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { signIn } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { deliverOutbox } from "@/lib/server/notifications/outbox";
import { clearRateLimit } from "@/lib/server/rate-limit";
import { makeUser, TEST_PASSWORD } from "@/lib/server/testing/factories";
import { checkResetToken, requestPasswordReset, RESET_ANSWER, RESET_TTL_MS, resetPassword } from "@/lib/server/users/password-reset";
import { createSession, validateSession } from "@/lib/server/users/sessions";
import type { Mailbox } from "../../support/smtp";
import { APP, emailOff, emailOn } from "./helpers";

let box: Mailbox;
beforeAll(async () => {
  box = await emailOn();
});
afterAll(async () => {
  emailOff();
  await box.close();
});
afterEach(async () => {
  box.messages.length = 0;
  await db().outboxMessage.deleteMany({});
  await db().rateLimitBucket.deleteMany({ where: { key: { startsWith: "reset:" } } });
});

async function tokenFromMail(email: string): Promise<string> {
  await deliverOutbox();
  const m = box.messages.find((x) => x.to && !Array.isArray(x.to) && x.to.text.includes(email));
  if (!m) throw new Error(`no mail to ${email}`);
  const url = new URL(/https?:\/\/\S+reset-password\S+/.exec(m.text ?? "")![0]);
  expect(url.origin).toBe(APP);
  return url.searchParams.get("token")!;
}

const codeOf = async (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : String(e)));

describe("password reset by email", () => {
  it("answers the same whether or not the account exists, and mails only a real one", async () => {
    const u = await makeUser();
    const known = await requestPasswordReset({ email: u.email.toUpperCase(), ip: "198.51.100.1" });
    const unknown = await requestPasswordReset({ email: "nobody-here@test.local", ip: "198.51.100.1" });
    expect(known).toEqual({ message: RESET_ANSWER });
    expect(unknown).toEqual(known);
    await deliverOutbox();
    expect(box.messages).toHaveLength(1);
    expect(box.messages[0]!.subject).toBe("Reset your password");
    // Only the hash is stored.
    const token = await tokenFromMail(u.email);
    const row = await db().passwordResetToken.findFirstOrThrow({ where: { userId: u.id } });
    expect(row.tokenHash).not.toContain(token);
    // The link is not readable in the outbox either: encrypted, then wiped once sent.
    const out = await db().outboxMessage.findFirstOrThrow({ where: { userId: u.id } });
    expect(out.status).toBe("sent");
    expect(`${out.textBody}${out.htmlBody}`).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(RESET_TTL_MS + 1000);
  });

  it("sets a new password once, ends every session and is audited; a used token is refused", async () => {
    const u = await makeUser();
    const s = await db().$transaction((tx) => createSession(tx, { userId: u.id, ip: null, userAgent: null, mfaPassed: true }));
    await requestPasswordReset({ email: u.email, ip: "198.51.100.2" });
    const token = await tokenFromMail(u.email);
    expect(await checkResetToken(token)).toBe("valid");
    expect(await codeOf(resetPassword({ token, newPassword: "short", ip: null }))).toMatch(/^VALIDATION/);
    expect(await resetPassword({ token, newPassword: "a-brand-new-password-2026", ip: "198.51.100.2" })).toMatchObject({ sessionsEnded: 1 });
    expect(await validateSession(s)).toBeNull();
    expect(await codeOf(resetPassword({ token, newPassword: "another-new-password-2026", ip: null }))).toMatch(/VALIDATION: This reset link was already used/);
    expect(await checkResetToken(token)).toBe("used");
    const ok = await signIn({ email: u.email, password: "a-brand-new-password-2026", ip: "198.51.100.2", userAgent: null });
    expect(ok).toMatchObject({ userId: u.id });
    expect(await codeOf(signIn({ email: u.email, password: TEST_PASSWORD, ip: "198.51.100.2", userAgent: null }))).not.toBe("ok");
    expect(await db().auditEvent.count({ where: { action: "user.password.reset", entityId: u.id } })).toBe(1);
  });

  it("two uses of one token at the same moment: one wins, the other is refused", async () => {
    const u = await makeUser();
    await requestPasswordReset({ email: u.email, ip: "198.51.100.5" });
    const token = await tokenFromMail(u.email);
    const results = await Promise.all([1, 2].map((i) => codeOf(resetPassword({ token, newPassword: `concurrent-password-${i}-2026`, ip: null }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok")[0]).toMatch(/^(VALIDATION|CONFLICT)/);
    expect(await db().auditEvent.count({ where: { action: "user.password.reset", entityId: u.id } })).toBe(1);
  });

  it("refuses an expired token with a clear message", async () => {
    const u = await makeUser();
    await requestPasswordReset({ email: u.email, ip: "198.51.100.3" });
    const token = await tokenFromMail(u.email);
    const later = new Date(Date.now() + RESET_TTL_MS + 1000);
    expect(await checkResetToken(token, later)).toBe("expired");
    expect(await codeOf(resetPassword({ token, newPassword: "a-brand-new-password-2026", ip: null }, later))).toMatch(/has expired/);
    expect(await codeOf(resetPassword({ token: "x".repeat(43), newPassword: "a-brand-new-password-2026", ip: null }))).toMatch(/not valid/);
  });

  it("a second request replaces the first link", async () => {
    const u = await makeUser();
    await requestPasswordReset({ email: u.email, ip: "198.51.100.4" });
    const first = await tokenFromMail(u.email);
    box.messages.length = 0;
    await requestPasswordReset({ email: u.email, ip: "198.51.100.4" });
    const second = await tokenFromMail(u.email);
    expect(await checkResetToken(first)).toBe("used");
    expect(await checkResetToken(second)).toBe("valid");
  });

  it("is limited per account and per IP, the same for unknown accounts", async () => {
    const u = await makeUser();
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: u.email, ip: `198.51.100.${10 + i}` });
    expect(await codeOf(requestPasswordReset({ email: u.email, ip: "198.51.100.20" }))).toMatch(/^RATE_LIMITED/);
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: "ghost@test.local", ip: `198.51.100.${30 + i}` });
    expect(await codeOf(requestPasswordReset({ email: "ghost@test.local", ip: "198.51.100.40" }))).toMatch(/^RATE_LIMITED/);
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: `ip-${i}@test.local`, ip: "198.51.100.50" });
    expect(await codeOf(requestPasswordReset({ email: "ip-x@test.local", ip: "198.51.100.50" }))).toMatch(/^RATE_LIMITED/);
    await clearRateLimit("reset:ip:198.51.100.50");
  });

  it("is refused plainly when email is off", async () => {
    emailOff();
    try {
      expect(await codeOf(requestPasswordReset({ email: "a@test.local", ip: null }))).toMatch(/^CONFLICT: Email is off/);
    } finally {
      Object.assign(process.env, { SMTP_URL: box.url, MAIL_FROM: "Compliance <noreply@compliance.test.example>", APP_URL: APP });
      (await import("@/lib/env")).resetEnvCache();
    }
  });
});
