import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { createChecklistAction, createControlAction, overrideControlAction, reviewControlAction } from "@/app/(dashboard)/posture/actions";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { createControl } from "@/lib/server/posture/controls";
import { actorFor } from "@/lib/server/testing/factories";

// The review's confirmation dates the next review in the browser's zone (a request header).
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

async function control() {
  const id = `FORM-${randomUUID().slice(0, 8).toUpperCase()}`;
  await createControl(SYSTEM_CLI, { id, title: "Form control", description: "A control", area: "security", citation: "Policy 1", frequencyDays: 90, manualCheck: "Look at it" });
  return id;
}

describe("posture form actions: lib/server's schema refusal worded with the form's labels", () => {
  beforeEach(async () => {
    signedIn.actor = await actorFor("compliance_officer");
  });

  it("a bad control names each field by its label and value and writes nothing", async () => {
    const before = await db().control.count();
    const fields = { id: "x y", title: "ab", description: "Checks vendor contracts", area: "", citation: "GDPR Art. 28", frequencyDays: "0", weight: "abc", manualCheck: "Read the contract" };
    const r = await createControlAction(null, formOf(fields));
    expect(r).toMatchObject({ ok: false, values: fields });
    expect(r.fieldErrors).toEqual({
      id: 'Id "x y": use letters, digits, dots, dashes and brackets, e.g. ORG-BACKUP-1',
      title: 'Title "ab": at least 3 characters',
      area: "Area: choose an area",
      frequencyDays: 'Review every (days) "0": at least 1 day',
      weight: 'Weight in the score "abc" must be a number',
    });
    expect(await db().control.count()).toBe(before);
  });

  // The forms moved to useActionForm (decision 020) re-render from these values after a refusal.
  it("a review, an override and a checklist that are refused keep what was typed and name the field", async () => {
    const controlId = await control();
    const review = await reviewControlAction(null, formOf({ controlId, status: "not_applicable", naReason: "", comment: "Out of scope this year", links: "" }));
    expect(review).toMatchObject({ ok: false, values: { controlId, status: "not_applicable", comment: "Out of scope this year" } });
    expect(review.fieldErrors?.naReason).toMatch(/^Why it does not apply: give the reason/);
    expect(await db().controlReview.count({ where: { controlId } })).toBe(0);

    const override = await overrideControlAction(null, formOf({ controlId, status: "bogus", reason: "Tested by hand" }));
    expect(override).toMatchObject({ ok: false, values: { status: "bogus", reason: "Tested by hand" } });
    expect(override.fieldErrors?.status).toMatch(/^Override status "bogus" /);

    const checklist = await createChecklistAction(null, formOf({ name: "", description: "Vendor audit", controlIds: controlId }));
    expect(checklist).toMatchObject({ ok: false, values: { name: "", description: "Vendor audit", controlIds: controlId } });
    expect(checklist.fieldErrors?.name).toMatch(/^Name /);
  });
});
