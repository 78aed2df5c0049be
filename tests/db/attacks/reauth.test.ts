// Attack: with a stolen session (no password), turn on MFA with the thief's authenticator,
// or guess the password through the change-password form without limit.
import { describe, expect, it } from "vitest";
import { totpAt } from "@/lib/crypto/totp";
import { beginMfaEnrolment, confirmMfaEnrolment } from "@/lib/server/auth/mfa";
import { db } from "@/lib/server/db";
import { actorFor, TEST_PASSWORD } from "@/lib/server/testing/factories";
import { changeOwnPassword } from "@/lib/server/users/change-password";

describe("re-authentication on a live session", () => {
  it("MFA enrolment needs the current password; without it nothing is turned on", async () => {
    const actor = await actorFor("compliance_officer");
    const start = await beginMfaEnrolment(actor);
    const code = () => totpAt(start.secret, Date.now());
    await expect(confirmMfaEnrolment(actor, code(), undefined)).rejects.toMatchObject({ code: "VALIDATION", details: [{ path: "currentPassword" }] });
    await expect(confirmMfaEnrolment(actor, code(), "a-guess-of-the-password")).rejects.toMatchObject({ code: "VALIDATION", details: [{ path: "currentPassword" }] });
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.userId } })).mfaEnabledAt).toBeNull();
    await expect(confirmMfaEnrolment(actor, code(), TEST_PASSWORD)).resolves.toMatchObject({ recoveryCodes: expect.any(Array) });
  });

  it("wrong current passwords are limited per user (change-password and enrolment share the budget)", async () => {
    const actor = await actorFor("reviewer");
    const start = await beginMfaEnrolment(actor);
    for (let i = 0; i < 4; i++) {
      await expect(changeOwnPassword(actor, { currentPassword: `guess-${i}`, newPassword: "a-new-password-2026" })).rejects.toMatchObject({ code: "VALIDATION" });
    }
    await expect(confirmMfaEnrolment(actor, totpAt(start.secret, Date.now()), "guess-5")).rejects.toMatchObject({ code: "VALIDATION" });
    // Even the right password is refused once the budget is spent, so guessing stops here.
    await expect(changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "a-new-password-2026" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(confirmMfaEnrolment(actor, totpAt(start.secret, Date.now()), TEST_PASSWORD)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
