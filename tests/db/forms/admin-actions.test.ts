// Admin and account forms on the one form pattern: refusals name the field by its label,
// send back what was typed except passwords and codes, and write nothing.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { changePasswordAction, confirmMfaAction } from "@/app/(dashboard)/account/actions";
import { createApiKeyAction, createUserAction } from "@/app/(dashboard)/admin/actions";
import { setAlertThresholdsAction } from "@/app/(dashboard)/admin/alert-actions";
import { saveOrganisationProfileAction } from "@/app/(dashboard)/admin/organisation-action";
import { createScimTokenAction } from "@/app/(dashboard)/admin/scim-actions";
import { createWebhookAction } from "@/app/(dashboard)/admin/webhooks/actions";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";

describe("admin form actions: worded errors, values kept (never secrets), nothing written", () => {
  beforeEach(async () => {
    signedIn.actor = await actorFor("admin");
  });

  it("a new user with a bad email and a short password: both named, the password not sent back", async () => {
    const email = `not-an-email-${randomUUID()}`;
    const r = await createUserAction(null, formOf({ name: "Dana", email, role: "reviewer", password: "short" }));
    expect(r).toMatchObject({ ok: false, values: { name: "Dana", email, role: "reviewer" } });
    expect(r.values).not.toHaveProperty("password");
    expect(r.fieldErrors).toEqual({ email: `Email "${email}" must be a valid email address`, password: "Initial password must be at least 12 characters" });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("an API key without scopes names the Scopes field and keeps the name", async () => {
    const name = `key ${randomUUID()}`;
    const r = await createApiKeyAction(null, formOf({ name }));
    expect(r).toMatchObject({ ok: false, values: { name }, fieldErrors: { scopes: "Scopes needs at least one scope" } });
    expect(await db().apiKey.count({ where: { name } })).toBe(0);
  });

  it("the organisation profile names the DPO e-mail and the Member State by their labels, not their paths", async () => {
    const before = await db().organisationProfile.findFirst();
    const r = await saveOrganisationProfileAction(null, formOf({ legalName: "Acme", timeZone: "Europe/Dublin", "dpo.email": "dpo-at-acme", "nis2.entityType": "essential", "nis2.memberStates": "IE, XX" }));
    expect(r).toMatchObject({ ok: false, message: "Check the highlighted fields." });
    expect(r.values).toMatchObject({ "dpo.email": "dpo-at-acme", "nis2.memberStates": "IE, XX" });
    expect(r.fieldErrors?.["dpo.email"]).toBe('DPO e-mail "dpo-at-acme" must be an e-mail address');
    expect(r.fieldErrors?.["nis2.memberStates.1"]).toMatch(/^NIS2 Member States, item 2 .*must be an EU Member State code/);
    expect(await db().organisationProfile.findFirst()).toEqual(before);
  });

  it("an alert threshold that is not a number is named by its label", async () => {
    const r = await setAlertThresholdsAction(null, formOf({ failedSigninsPerAccount: "lots" }));
    expect(r).toMatchObject({ ok: false, message: "Check the highlighted fields.", values: { failedSigninsPerAccount: "lots" } });
    expect(r.fieldErrors?.failedSigninsPerAccount).toBe('Failed sign-ins per account "lots" must be a number');
  });

  it("a SCIM token without a name and a webhook to a non-https URL are refused next to their field", async () => {
    const scim = await createScimTokenAction(null, formOf({ name: "" }));
    expect(scim.ok).toBe(false);
    expect(scim.fieldErrors?.name).toMatch(/^Name /);
    const hook = await createWebhookAction(null, formOf({ url: "ftp://example.org/x", events: "decision.decided" }));
    expect(hook.ok).toBe(false);
    expect(hook.values).toMatchObject({ url: "ftp://example.org/x" });
    expect(hook.fieldErrors?.url).toMatch(/^Endpoint URL "ftp:\/\/example\.org\/x" /);
  });

  it("a reviewer is refused and no user is created", async () => {
    signedIn.actor = await actorFor("reviewer");
    const email = `dana-${randomUUID()}@example.org`;
    const r = await createUserAction(null, formOf({ name: "Dana", email, role: "reviewer", password: "a-long-enough-password" }));
    expect(r.ok).toBe(false);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});

describe("account form actions", () => {
  it("a wrong current password is named on its field; neither password comes back", async () => {
    signedIn.actor = await actorFor("reviewer");
    const r = await changePasswordAction(null, formOf({ currentPassword: "wrong-password-here", newPassword: "a-new-long-password" }));
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.currentPassword).toMatch(/^Current password .*is wrong/);
    expect(r.values).toEqual({});
  });

  it("an MFA code that is not six digits is shown next to the code, not only at the top", async () => {
    signedIn.actor = await actorFor("reviewer");
    const r = await confirmMfaAction(null, formOf({ code: "12", currentPassword: "whatever-password" }));
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.code).toBeTruthy();
    expect(r.values).toEqual({});
  });
});
