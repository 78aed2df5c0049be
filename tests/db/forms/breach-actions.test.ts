import { beforeEach, describe, expect, it } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { setStatusAction, timelineAction } from "@/app/(dashboard)/breaches/actions";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";

const INCIDENT = { title: "Lost laptop", discoveredAt: "2026-03-10T06:30:00Z", affected: [{ jurisdiction: "DE", count: 3 }] };

describe("obligation and timeline form actions: worded refusals, values kept, nothing written", () => {
  beforeEach(async () => {
    signedIn.actor = await actorFor("compliance_officer");
  });

  it("a status without a reason says what to give, keeps the form's values, and leaves the obligation open", async () => {
    const i = await createIncident(signedIn.actor!, INCIDENT);
    const o = i.obligations[0]!;
    const r = await setStatusAction(null, formOf({ incidentId: i.id, obligationId: o.id, status: "not_required", reason: "" }));
    expect(r).toMatchObject({ ok: false, values: { status: "not_required", reason: "" }, fieldErrors: { reason: "Reason: say why no notice is required" } });
    expect((await db().breachObligation.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("open");
  });

  it("a timeline entry without what was done is refused by its label; nothing is added", async () => {
    const i = await createIncident(signedIn.actor!, INCIDENT);
    const before = await db().auditEvent.count({ where: { entityId: i.id } });
    const r = await timelineAction(null, formOf({ incidentId: i.id, payload: JSON.stringify({ at: "2026-03-10T08:00:00Z", action: " ", performedBy: "SOC" }) }));
    expect(r.fieldErrors).toEqual({ action: "What was done is required" });
    expect(await db().auditEvent.count({ where: { entityId: i.id } })).toBe(before);
  });
});
