// OIDC sign-in after next-auth has verified the ID token: linking, role from groups, JIT,
// amr → MFA, refusals. Both dialects.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { db } from "@/lib/server/db";
import { setSetting } from "@/lib/server/settings/settings";
import { oidcSignIn } from "@/lib/server/sso/oidc-sign-in";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { validateSession } from "@/lib/server/users/sessions";
import { totpAt } from "@/lib/crypto/totp";
import { beginMfaEnrolment, confirmMfaEnrolment } from "@/lib/server/auth/mfa";
import { awaitsStepUp, completeStepUp } from "@/lib/server/auth/step-up";
import { TEST_PASSWORD } from "@/lib/server/testing/factories";

const tag = randomBytes(4).toString("hex");
const ISSUER = `https://idp-${tag}.example.org`;
const email = (who: string) => `${who}.${tag}@sso.example.org`;
const claims = (who: string, groups: string[], extra: Record<string, unknown> = {}) => ({ iss: ISSUER, sub: `sub-${who}-${tag}`, email: email(who), email_verified: true, name: `${who} Person`, groups, ...extra });
const go = (c: Record<string, unknown>) => oidcSignIn({ issuer: ISSUER, claims: c, ip: "192.0.2.10", userAgent: "vitest" });

beforeAll(() => {
  process.env.OIDC_ROLE_MAP = `oidc-admins-${tag}=admin,oidc-privacy-${tag}=compliance_officer,oidc-reviewers-${tag}=reviewer`;
  process.env.OIDC_JIT = "0";
  resetEnvCache();
});
afterEach(() => {
  process.env.OIDC_JIT = "0";
  resetEnvCache();
});

describe("OIDC sign-in", () => {
  it("links an existing user by verified email, sets the role from the group and makes an oidc session", async () => {
    const u = await makeUser({ role: "auditor", email: email("ann") });
    const r = await go(claims("ann", [`oidc-reviewers-${tag}`, "unmapped"]));
    expect(r).toMatchObject({ ok: true, userId: u.id });
    if (!r.ok) return;
    const s = await validateSession(r.sessionId);
    expect(s).toMatchObject({ authMethod: "oidc", mfaPassed: false, user: { role: "reviewer" } });
    const audits = await db().auditEvent.findMany({ where: { entityId: u.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["user.role.change", "user.sso.link", "auth.signin"]));
    // Next time the (issuer, sub) link is used even if the IdP's email changed.
    const again = await go(claims("ann", [`oidc-reviewers-${tag}`], { email: email("ann-renamed") }));
    expect(again).toMatchObject({ ok: true, userId: u.id });
  });

  it("refuses a user with no mapped group, an unverified email and an unknown user without JIT", async () => {
    await makeUser({ role: "reviewer", email: email("bo") });
    expect(await go(claims("bo", ["everyone"]))).toEqual({ ok: false, code: "SSO_NO_ROLE" });
    expect(await go(claims("bo", [`oidc-reviewers-${tag}`], { email_verified: false }))).toEqual({ ok: false, code: "SSO_EMAIL_UNVERIFIED" });
    expect(await go(claims("stranger", [`oidc-reviewers-${tag}`]))).toEqual({ ok: false, code: "SSO_UNKNOWN_USER" });
    expect(await db().user.count({ where: { email: email("stranger") } })).toBe(0);
    const refused = await db().auditEvent.count({ where: { action: "auth.sso.refused", diff: { contains: tag } } });
    expect(refused).toBe(3);
  });

  it("creates the user just in time when OIDC_JIT=1, with the mapped role and no password", async () => {
    process.env.OIDC_JIT = "1";
    resetEnvCache();
    const r = await go(claims("cy", [`oidc-reviewers-${tag}`]));
    expect(r.ok).toBe(true);
    const u = await db().user.findUniqueOrThrow({ where: { email: email("cy") } });
    expect(u).toMatchObject({ role: "reviewer", passwordHash: "", name: "cy Person" });
    expect(await db().auditEvent.count({ where: { entityId: u.id, action: "user.create.jit" } })).toBe(1);
  });

  it("a privileged role needs MFA: amr asserting it counts, otherwise SSO is refused", async () => {
    await setSetting(await actorFor("admin"), "security.mfaRequired", true);
    const u = await makeUser({ role: "reviewer", email: email("dee") });
    expect(await go(claims("dee", [`oidc-privacy-${tag}`], { amr: ["pwd"] }))).toEqual({ ok: false, code: "SSO_MFA_REQUIRED" });
    const r = await go(claims("dee", [`oidc-privacy-${tag}`], { amr: ["pwd", "otp"] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await validateSession(r.sessionId)).toMatchObject({ mfaPassed: true, authMethod: "oidc", user: { id: u.id, role: "compliance_officer" } });
  });

  it("without amr, a privileged person with our TOTP is asked for it: the session is pending until a fresh code, which counts once", async () => {
    await setSetting(await actorFor("admin"), "security.mfaRequired", true);
    const u = await makeUser({ role: "compliance_officer", email: email("fay") });
    const me = { kind: "user" as const, userId: u.id, email: u.email, name: u.name, role: u.role, sessionId: null, ip: null, mfaEnrolmentRequired: true };
    const { secret } = await beginMfaEnrolment(me);
    await confirmMfaEnrolment(me, totpAt(secret, Date.now()), TEST_PASSWORD);
    const r = await go(claims("fay", [`oidc-privacy-${tag}`], { amr: ["pwd"] }));
    expect(r).toMatchObject({ ok: true, userId: u.id, stepUp: true });
    if (!r.ok) return;
    const pending = await validateSession(r.sessionId);
    expect(pending).toMatchObject({ authMethod: "oidc", mfaPassed: false });
    expect(await awaitsStepUp(pending!, "compliance_officer")).toBe(true);
    // A wrong code: refused, audited, still pending.
    await expect(completeStepUp({ sessionId: r.sessionId, userId: u.id }, "000000", null)).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await validateSession(r.sessionId))!.mfaPassed).toBe(false);
    expect(await db().auditEvent.count({ where: { entityId: u.id, action: "auth.stepup.failed" } })).toBe(1);
    // The next time step's code completes it; the same code again is a replay.
    const later = new Date(Date.now() + 30_000);
    const code = totpAt(secret, later.getTime());
    await completeStepUp({ sessionId: r.sessionId, userId: u.id }, code, null, later);
    const done = await validateSession(r.sessionId);
    expect(done).toMatchObject({ mfaPassed: true });
    expect(await awaitsStepUp(done!, "compliance_officer")).toBe(false);
    const second = await go(claims("fay", [`oidc-privacy-${tag}`], { amr: ["pwd"] }));
    if (!second.ok) throw new Error("second SSO sign-in refused");
    await expect(completeStepUp({ sessionId: second.sessionId, userId: u.id }, code, null, later)).rejects.toMatchObject({ code: "VALIDATION" });
    // Another person's pending session cannot be completed with this person's code.
    await expect(completeStepUp({ sessionId: second.sessionId, userId: (await makeUser()).id }, code, null, later)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db().auditEvent.count({ where: { entityId: u.id, action: "auth.stepup" } })).toBe(1);
  });

  it("refuses a disabled user", async () => {
    const u = await makeUser({ role: "reviewer", email: email("eve") });
    await db().user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await go(claims("eve", [`oidc-reviewers-${tag}`]))).toEqual({ ok: false, code: "SSO_DISABLED" });
  });
});

describe("OIDC sign-in races and takeovers", () => {
  it("two first sign-ins at once (JIT) make one user and two sessions", async () => {
    process.env.OIDC_JIT = "1";
    resetEnvCache();
    const results = await Promise.all([go(claims("fay", [`oidc-reviewers-${tag}`])), go(claims("fay", [`oidc-reviewers-${tag}`]))]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await db().user.count({ where: { email: email("fay") } })).toBe(1);
    expect(await db().externalIdentity.count({ where: { provider: ISSUER, subject: `sub-fay-${tag}` } })).toBe(1);
  });

  it("an account linked to one identity is not linked to a second with the same email", async () => {
    const u = await makeUser({ role: "reviewer", email: email("gus") });
    expect(await go(claims("gus", [`oidc-reviewers-${tag}`]))).toMatchObject({ ok: true, userId: u.id });
    expect(await go(claims("gus", [`oidc-reviewers-${tag}`], { sub: `other-${tag}` }))).toEqual({ ok: false, code: "SSO_ALREADY_LINKED" });
  });
});
