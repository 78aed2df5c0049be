// The audit log as an auditor reads it in the app: filtering by area finds incident and
// obligation events under "breaches" (an action prefix "breach" missed them), entities are
// named, and the CSV export carries the filtered slice and is itself audited.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/export/csv";
import { recordAudit } from "@/lib/server/audit/append";
import { entityLabels } from "@/lib/server/audit/entity-labels";
import { auditCsvPages, auditCsvRows, auditFilterSchema, listAuditEvents } from "@/lib/server/audit/list-audit";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";

async function collect(gen: AsyncGenerator<(string | number | null)[]>) {
  const rows: (string | number | null)[][] = [];
  for await (const r of gen) rows.push(r);
  return rows;
}

describe("audit log in the app", () => {
  it("the breaches area holds incident and obligation events, and not others", async () => {
    const officer = await actorFor("compliance_officer");
    const ref = `INC-2026-T${randomBytes(3).toString("hex")}`;
    const incident = await db().incident.create({ data: { reference: ref, title: "Lost laptop", discoveredAt: new Date() } });
    await recordAudit(officer, { action: "incident.create", entityType: "Incident", entityId: incident.id, diff: { reference: ref } });
    await recordAudit(officer, { action: "obligation.sent", entityType: "BreachObligation", entityId: "o-1", diff: { sentAt: "2026-12-01" } });
    await recordAudit(officer, { action: "inventory.asset.create", entityType: "DataAsset", entityId: "a-1", diff: {} });
    const auditor = await actorFor("auditor");
    const { events } = await listAuditEvents(auditor, auditFilterSchema.parse({ area: "breaches", actor: officer.email }));
    expect(events.map((e) => e.action).sort()).toEqual(["incident.create", "obligation.sent"]);
    const labels = await entityLabels(events);
    expect(labels.get(`Incident:${incident.id}`)).toEqual({ label: ref, href: `/breaches/${incident.id}` });
  });

  it("an unknown area is refused by the filter", () => {
    expect(auditFilterSchema.safeParse({ area: "everything" }).success).toBe(false);
  });

  it("officers and auditors export the filtered slice as CSV; the export is audited; reviewers are refused", async () => {
    const officer = await actorFor("compliance_officer");
    for (let i = 0; i < 3; i++) await recordAudit(officer, { action: "consent.purpose.create", entityType: "ConsentPurpose", entityId: `p-${i}`, diff: { key: `=cmd|${i}` } });
    const rows = await collect(auditCsvRows(officer, { actor: officer.email, area: "consent" }));
    expect(rows[0]).toEqual(["seq", "time_utc", "actor", "action", "entity_type", "entity_id", "details", "ip", "leaf_hash"]);
    expect(rows.slice(1).map((r) => r[5])).toEqual(["p-0", "p-1", "p-2"]);
    const exported = await db().auditEvent.findFirst({ where: { action: "audit.export", actorLabel: { contains: officer.email } } });
    expect(JSON.parse(exported!.diff!)).toMatchObject({ area: "consent", actor: officer.email, format: "csv" });

    const reviewer = await actorFor("reviewer");
    await expect(collect(auditCsvRows(reviewer, {}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(reviewer, auditFilterSchema.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the export has every matching row, oldest first, across page boundaries (no cap)", async () => {
    const officer = await actorFor("compliance_officer");
    const tag = randomBytes(3).toString("hex");
    for (let i = 0; i < 7; i++) await recordAudit(officer, { action: "consent.purpose.update", entityType: "ConsentPurpose", entityId: `${tag}-${i}`, diff: { i } });
    const pages: (string | number | null)[][][] = [];
    for await (const p of auditCsvPages(officer, { actor: officer.email, action: "consent.purpose.update" }, 3)) pages.push(p);
    expect(pages.map((p) => p.length)).toEqual([1, 3, 3, 1]);
    expect(pages.slice(1).flat().map((r) => r[5])).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `${tag}-${i}`));
    const seqs = pages.slice(1).flat().map((r) => r[0]);
    expect(seqs.every((s) => s === null || typeof s === "number")).toBe(true);
  });

  it("CSV cells that look like formulas are neutralised", async () => {
    const { csvLine } = await import("@/lib/export/csv");
    expect(parseCsv(csvLine(["=1+1", "ok"]))[0]).toEqual(["'=1+1", "ok"]);
  });
});
