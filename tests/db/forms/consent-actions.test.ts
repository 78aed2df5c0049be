import { beforeEach, describe, expect, it } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { createPurposeAction, setRetentionAction } from "@/app/(dashboard)/consent/actions";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";
import { uid } from "../oversight/helpers";

describe("consent purpose form actions: values kept, errors in words, nothing written", () => {
  beforeEach(async () => {
    signedIn.actor = await actorFor("compliance_officer");
  });

  it("a bad purpose key is refused quoting it with the rule in words; every value comes back", async () => {
    const before = await db().consentPurpose.count();
    const fields = { key: "Marketing Email!", title: "Marketing email", lawfulBasis: "consent", evidenceRetentionDays: "abc", saleOrShare: "on", noticeText: "We send offers." };
    const r = await createPurposeAction(null, formOf(fields));
    expect(r).toMatchObject({ ok: false, message: "Check the highlighted fields.", values: fields });
    expect(r.fieldErrors).toEqual({
      key: 'Purpose key "Marketing Email!" may use only lowercase letters, digits and _, start with a letter and be 2-64 characters long (e.g. marketing_email)',
      evidenceRetentionDays: 'Evidence retention (days) "abc" must be a number',
    });
    expect(await db().consentPurpose.count()).toBe(before);
  });

  it("an unknown lawful basis and a missing title are named by their labels", async () => {
    const key = uid("news").replace(/-/g, "_");
    const r = await createPurposeAction(null, formOf({ key, title: "", lawfulBasis: "whim" }));
    expect(r.fieldErrors?.title).toBe("Title is required");
    expect(r.fieldErrors?.lawfulBasis).toMatch(/^Lawful basis "whim" must be one of Consent \(Art\. 6\(1\)\(a\)\), Contract/);
    expect(await db().consentPurpose.findUnique({ where: { key } })).toBeNull();
  });

  it("a valid purpose is created, and a retention of 0 days is refused in words", async () => {
    const key = uid("news").replace(/-/g, "_");
    const ok = await createPurposeAction(null, formOf({ key, title: "Newsletter", lawfulBasis: "consent" }));
    expect(ok).toMatchObject({ ok: true, message: `Purpose ${key} created.` });
    const r = await setRetentionAction(null, formOf({ purposeKey: key, evidenceRetentionDays: "0" }));
    expect(r).toMatchObject({ ok: false, values: { evidenceRetentionDays: "0" }, fieldErrors: { evidenceRetentionDays: "Evidence retention (days) 0 must be at least 1" } });
    expect((await db().consentPurpose.findUniqueOrThrow({ where: { key } })).evidenceRetentionDays).toBeNull();
  });

  it("an auditor is refused before any validation and nothing is written", async () => {
    signedIn.actor = await actorFor("auditor");
    const key = uid("aud").replace(/-/g, "_");
    const r = await createPurposeAction(null, formOf({ key, title: "", lawfulBasis: "consent" }));
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.title).toBeUndefined();
    expect(await db().consentPurpose.findUnique({ where: { key } })).toBeNull();
  });
});
