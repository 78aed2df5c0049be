// The password-reset, SSO step-up and consent search/notice forms on the one form pattern
// (issue 16, decision 012): a refusal names the field by the page's label, sends back what
// was typed, and never echoes a password, a reset token or a code.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { findSubjectAction, publishNoticeAction } from "@/app/(dashboard)/consent/actions";
import { requestResetAction, resetPasswordAction } from "@/app/forgot-password/actions";
import { stepUpAction } from "@/app/login/step-up/actions";
import { db } from "@/lib/server/db";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { emailForThisFile } from "../notifications/helpers";

vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => undefined }) }));
const stepUp: { pending: { sessionId: string; userId: string; email: string; name: string } | null } = { pending: null };
vi.mock("@/lib/server/auth/step-up", async (original) => ({ ...(await original<object>()), pendingStepUp: async () => stepUp.pending }));

// Reset requests need email on (otherwise: "Email is off on this server").
emailForThisFile();

describe("password reset and step-up forms", () => {
  it("a malformed email is refused by its label and value, and stays in the field", async () => {
    const r = await requestResetAction(null, formOf({ email: "not-an-email" }));
    expect(r).toMatchObject({ ok: false, values: { email: "not-an-email" }, fieldErrors: { email: 'Email "not-an-email" must be a valid email address' } });
  });

  it("a refused new password is worded without echoing it or the token", async () => {
    const secret = "short-pw";
    const token = "t".repeat(40);
    const r = await resetPasswordAction(null, formOf({ token, newPassword: secret }));
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.newPassword).toMatch(/^New password /);
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(JSON.stringify(r)).not.toContain(token);
    expect(r.values).toEqual({});
  });

  it("a step-up code that is not a code is refused next to the field, and the code is not sent back", async () => {
    const u = await makeUser({ role: "compliance_officer" });
    stepUp.pending = { sessionId: "s-none", userId: u.id, email: u.email, name: u.name };
    const r = await stepUpAction(null, formOf({ code: "12#45!" }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { code: "Authentication code is not a code" }, values: {} });
    expect(JSON.stringify(r)).not.toContain("12#45!");
  });
});

describe("consent search and notice forms", () => {
  beforeAll(async () => {
    signedIn.actor = await actorFor("compliance_officer");
  });

  it("a search that finds nobody keeps the identifier to correct it", async () => {
    const r = await findSubjectAction(null, formOf({ identifier: "nobody-here@example.test" }));
    expect(r).toMatchObject({ ok: false, values: { identifier: "nobody-here@example.test" } });
    expect(r.message).toMatch(/^No consent events are recorded for this identifier/);
  });

  it("an empty notice is refused by the field's label; nothing is published", async () => {
    const r = await publishNoticeAction(null, formOf({ purposeKey: "newsletter_x", text: "  " }));
    expect(r.ok).toBe(false);
    expect(r.values).toMatchObject({ purposeKey: "newsletter_x", text: "  " });
    expect(r.fieldErrors?.text).toMatch(/^New notice text /);
    expect(await db().consentPurpose.count({ where: { key: "newsletter_x" } })).toBe(0);
  });
});
