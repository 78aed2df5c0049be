import { beforeEach, describe, expect, it } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { createControlAction } from "@/app/(dashboard)/posture/actions";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";

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
});
