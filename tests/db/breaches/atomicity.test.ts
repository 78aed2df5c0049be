import { describe, expect, it, vi } from "vitest";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";
import { updateIncident } from "@/lib/server/breaches/update-incident";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";

// The audit append fails on demand: the change it records must roll back with it.
const failOn = vi.hoisted(() => ({ action: null as string | null }));
vi.mock("@/lib/server/audit/append", async (importOriginal) => {
  const mod = await importOriginal<typeof import("@/lib/server/audit/append")>();
  return {
    ...mod,
    appendAudit: async (...args: Parameters<typeof mod.appendAudit>) => {
      if (failOn.action && args[2].action === failOn.action) throw new Error("audit store unavailable");
      return mod.appendAudit(...args);
    },
  };
});

const INPUT = { title: "Atomicity", discoveredAt: "2026-03-02T10:00:00Z", affected: [{ jurisdiction: "US-CA", count: 600 }, { jurisdiction: "DE", count: 3 }] };

describe("breach writes are atomic with their audit event", () => {
  it("a failed create leaves no incident, obligation or timeline row", async () => {
    const actor = await actorFor("compliance_officer");
    const counts = async () => [await db().incident.count(), await db().breachObligation.count(), await db().incidentTimelineEntry.count()];
    const before = await counts();
    failOn.action = "incident.create";
    await expect(createIncident(actor, INPUT)).rejects.toThrow("audit store unavailable");
    failOn.action = null;
    expect(await counts()).toEqual(before);
  });

  it("a failed recomputation on edit leaves facts and obligations as they were", async () => {
    const actor = await actorFor("compliance_officer");
    const i = await createIncident(actor, INPUT);
    const rowsBefore = await db().breachObligation.findMany({ where: { incidentId: i.id }, orderBy: { key: "asc" } });
    failOn.action = "incident.update";
    await expect(updateIncident(actor, i.id, { encrypted: true, title: "changed" })).rejects.toThrow();
    failOn.action = null;
    const incident = await db().incident.findUnique({ where: { id: i.id } });
    expect(incident).toMatchObject({ title: "Atomicity", encrypted: false, version: i.version });
    expect(await db().breachObligation.findMany({ where: { incidentId: i.id }, orderBy: { key: "asc" } })).toEqual(rowsBefore);
  });

  it("a failed 'sent' leaves the notice open and the dependent deadline unset", async () => {
    const actor = await actorFor("compliance_officer");
    const i = await createIncident(actor, INPUT);
    const ca = i.obligations.find((o) => o.key === "US-CA:individuals")!;
    failOn.action = "obligation.sent";
    await expect(markObligationSent(actor, i.id, ca.id, { sentAt: "2026-03-10T10:00:00Z" })).rejects.toThrow();
    failOn.action = null;
    const rows = await db().breachObligation.findMany({ where: { incidentId: i.id } });
    expect(rows.find((r) => r.key === "US-CA:individuals")).toMatchObject({ status: "open", sentAt: null });
    expect(rows.find((r) => r.key === "US-CA:attorney_general")?.dueAt).toBeNull();
  });
});
