// One-button and small forms on the one form pattern (issue 16, decisions 012 and 016): a
// refusal says what is wrong in words and sends back what was typed; a success says what
// happened and what to do next; the CSV import previews a posted file and commits the
// previewed text.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { userCommandAction } from "@/app/(dashboard)/admin/actions";
import { acknowledgeAlertAction } from "@/app/(dashboard)/alerts/actions";
import { importAction } from "@/app/(dashboard)/inventory/actions";
import { mapControlAction } from "@/app/(dashboard)/posture/frameworks/actions";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { raiseAlert } from "@/lib/server/alerts/raise-alert";
import { db } from "@/lib/server/db";
import { createControl } from "@/lib/server/posture/controls";
import { seedFrameworks } from "@/lib/server/posture/frameworks/seed";
import { actorFor, makeUser } from "@/lib/server/testing/factories";

// flash() sets a cookie on Next's response; here it is recorded.
const flashed: string[] = [];
vi.mock("next/headers", () => ({ cookies: async () => ({ set: (_: string, v: string) => void flashed.push(v) }) }));

const tag = () => randomUUID().slice(0, 8);

describe("one-button and small forms", () => {
  beforeAll(async () => {
    signedIn.actor = await actorFor("admin");
  });

  it("an acknowledgement that is too short keeps the comment and names the field; a good one says where the alert went, also as a flash", async () => {
    const other = await makeUser({ role: "reviewer" });
    const alert = await db().$transaction((tx) => raiseAlert(tx, { dedupeKey: `ack-${tag()}`, rule: "permission_denied_storm", severity: "medium", subjectType: "user", subjectId: other.id, windowStart: new Date(), windowEnd: new Date(), summary: "Form alert", evidence: { ids: [], seqs: [], count: 1 } }));
    signedIn.actor = await actorFor("compliance_officer");
    const bad = await acknowledgeAlertAction(null, formOf({ id: alert!.id, comment: "ok" }));
    expect(bad.ok).toBe(false);
    expect(bad.values).toMatchObject({ comment: "ok" });
    expect(bad.fieldErrors?.comment).toMatch(/^Comment for acknowledging this alert "ok"/);
    expect(bad.fieldErrors?.comment).not.toMatch(/Too small|expected string/);
    const good = await acknowledgeAlertAction(null, formOf({ id: alert!.id, comment: "Checked: a load test." }));
    expect(good).toMatchObject({ ok: true, message: "Alert acknowledged: it moves to the Acknowledged tab with your comment." });
    expect(flashed.at(-1)).toBe(good.message);
  });

  it("a user command with an unknown role is worded with the form's label and the value; an unknown command names the buttons", async () => {
    signedIn.actor = await actorFor("admin");
    const other = await makeUser({ role: "reviewer" });
    const r = await userCommandAction(null, formOf({ userId: other.id, command: "role", role: "superuser" }));
    expect(r.ok).toBe(false);
    expect(Object.values(r.fieldErrors ?? {}).join(" ")).toMatch(/Role "superuser"/);
    const unknown = await userCommandAction(null, formOf({ userId: other.id, command: "explode" }));
    expect(unknown).toMatchObject({ ok: false });
    expect(unknown.message).toMatch(/^Choose one of the buttons/);
  });

  it("a mapping with a short rationale keeps the typed values and says what is wrong, not where in the schema", async () => {
    signedIn.actor = await actorFor("compliance_officer");
    const controlId = `FORM-${tag().toUpperCase()}`;
    await createControl(SYSTEM_CLI, { id: controlId, title: "Form control", description: "A control", area: "security", citation: "Policy 1", frequencyDays: 90, manualCheck: "Look at it" });
    await seedFrameworks(SYSTEM_CLI);
    const requirement = await db().requirement.findFirstOrThrow({ select: { id: true } });
    const r = await mapControlAction(null, formOf({ controlId, requirementId: requirement.id, rationale: "no" }));
    expect(r).toMatchObject({ ok: false, values: { controlId, rationale: "no" }, fieldErrors: { rationale: 'Rationale "no": give a reason of at least 3 characters' } });
  });

  it("the CSV import previews a posted file, answers with the text it previewed, and Import commits that text", async () => {
    signedIn.actor = await actorFor("compliance_officer");
    const name = `Form import ${tag()}`;
    const csv = `name,hosting,locations,data_categories,encryption_at_rest,encryption_in_transit,access_control,backup,retention_months,deletion_method\n${name},saas,DE,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated\n`;
    const upload = new FormData();
    upload.set("kind", "assets");
    upload.set("intent", "preview");
    upload.set("file", new File([csv], "assets.csv", { type: "text/csv" }));
    const preview = await importAction(null, upload);
    expect(preview).toMatchObject({ ok: true, data: { csv, fileName: "assets.csv", preview: { kind: "assets", invalid: 0 } } });
    const commit = await importAction(null, formOf({ kind: "assets", intent: "commit", csv: preview.data!.csv }));
    expect(commit).toMatchObject({ ok: true, message: "Imported: 1 created, 0 updated, 0 unchanged. Find them under Inventory → Systems / assets." });
    expect(await db().dataAsset.count({ where: { name } })).toBe(1);
  });
});
