import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/server/actor";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { withIdempotency } from "@/lib/server/api/idempotency";
import { addTimelineEntry } from "@/lib/server/breaches/add-timeline-entry";
import { breachControlFindings } from "@/lib/server/breaches/control-findings";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { exportIncident, exportRegister } from "@/lib/server/breaches/export-incident";
import { getIncident, listIncidents } from "@/lib/server/breaches/query-incidents";
import { markObligationSent, setObligationStatus, updateObligationChecklist } from "@/lib/server/breaches/track-obligation";
import { updateIncident } from "@/lib/server/breaches/update-incident";
import { db } from "@/lib/server/db";
import { setSetting } from "@/lib/server/settings/settings";
import { actorFor } from "@/lib/server/testing/factories";
import type { IncidentDto } from "@/lib/validation/breaches";

const CA_BREACH = {
  title: "Phishing: payroll mailbox exposed",
  discoveredAt: "2026-03-02T10:00:00Z",
  riskLevel: "risk",
  affected: [{ jurisdiction: "US-CA", count: 501 }, { jurisdiction: "DE", count: 12 }],
};

const byKey = (i: { obligations: { key: string }[] }, key: string) => {
  const o = i.obligations.find((x) => x.key === key);
  if (!o) throw new Error(`no ${key} in ${i.obligations.map((x) => x.key).join(", ")}`);
  return o as IncidentDto["obligations"][number];
};

async function lastAudit(action: string) {
  const row = await db().auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" } });
  return row ? { ...row, diff: row.diff ? JSON.parse(row.diff) : null } : null;
}

let officer: Actor;
beforeAll(async () => {
  officer = await actorFor("compliance_officer");
});
afterEach(async () => {
  await setSetting(SYSTEM_CLI, "org.timeZone", "UTC");
});

describe("createIncident: facts in, obligations persisted with their rule version", () => {
  it("stores every obligation the engine derives, with citation, rule version and a reference", async () => {
    const i = await createIncident(officer, CA_BREACH);
    expect(i.reference).toMatch(/^INC-2026-\d{4,}$/);
    expect(i.obligations.map((o) => o.key).sort()).toEqual(["GDPR:register", "GDPR:supervisory_authority:DE", "US-CA:attorney_general", "US-CA:individuals"].sort());
    const sa = byKey(i, "GDPR:supervisory_authority:DE");
    expect(sa).toMatchObject({ regime: "GDPR", recipient: "supervisory_authority", jurisdiction: "DE", dueAt: "2026-03-05T10:00:00.000Z", citation: "GDPR Art. 33(1)", status: "open", ruleVersion: "gdpr-art33-34@2018-05-25" });
    const ca = byKey(i, "US-CA:individuals");
    expect(ca.dueAt).toBe("2026-04-01T23:59:59.999Z"); // 1798.82(a) as amended by SB 446: 30 days
    expect(ca.ruleVersion).toBe("us-ca-1798.82@2026-01-01");
    const ag = byKey(i, "US-CA:attorney_general");
    expect(ag.dueAt).toBeNull();
    expect(ag.dependsOn).toBe(ca.id);
    const stored = await db().breachObligation.findMany({ where: { incidentId: i.id } });
    expect(stored).toHaveLength(4);
    expect(stored.every((r) => r.ruleVersion.includes("@"))).toBe(true);
    const audit = await lastAudit("incident.create");
    expect(audit?.entityId).toBe(i.id);
    expect(audit?.diff.obligations).toContain("US-CA:individuals");
  });

  it("counts day-based deadlines in the organisation's time zone (org.timeZone)", async () => {
    await setSetting(SYSTEM_CLI, "org.timeZone", "America/Los_Angeles");
    // 06:30 UTC on 10 March is still 9 March in Los Angeles: day 0 is 9 March.
    const i = await createIncident(officer, { title: "Lost laptop", discoveredAt: "2026-03-10T06:30:00Z", affected: [{ jurisdiction: "US-CA", count: 3 }] });
    expect(i.timeZone).toBe("America/Los_Angeles");
    expect(byKey(i, "US-CA:individuals").dueAt).toBe("2026-04-09T06:59:59.999Z");
  });

  it("refuses bad input with field details and writes nothing", async () => {
    const before = await db().incident.count();
    const bad = [
      { ...CA_BREACH, title: "" },
      { ...CA_BREACH, discoveredAt: "2026-03-02 10:00" },
      { ...CA_BREACH, affected: [{ jurisdiction: "California", count: 3 }] },
      { ...CA_BREACH, affected: [{ jurisdiction: "US-CA", count: -1 }] },
      { ...CA_BREACH, affected: [{ jurisdiction: "US-CA", count: 2.5 }] },
      { ...CA_BREACH, riskLevel: "severe" },
      { ...CA_BREACH, roles: ["owner"] },
      { ...CA_BREACH, lawEnforcementDelay: { until: "2026-02-30", written: true } },
    ];
    for (const input of bad) {
      await expect(createIncident(officer, input), JSON.stringify(input)).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect(await db().incident.count()).toBe(before);
  });
});

describe("updateIncident: recomputation keeps sent/closed obligations and records what changed", () => {
  it("moves open deadlines, removes open rows the facts no longer produce, keeps a sent row", async () => {
    const i = await createIncident(officer, { ...CA_BREACH, riskLevel: "high" });
    const ds = byKey(i, "GDPR:data_subjects:DE");
    await markObligationSent(officer, i.id, ds.id, { sentAt: "2026-03-03T09:00:00Z", reference: "mail-1" });

    // The officer learns the data was encrypted with a safe key and discovery was a day earlier.
    const after = await updateIncident(officer, i.id, { encrypted: true, discoveredAt: "2026-03-01T10:00:00Z", version: i.version });
    expect(after.version).toBe(i.version + 1);
    // Art. 34(3)(a): no data-subject notice any more, but the one already sent is kept and flagged.
    const keptDs = byKey(after, "GDPR:data_subjects:DE");
    expect(keptDs).toMatchObject({ id: ds.id, status: "sent", applies: false, reference: "mail-1" });
    // 1798.82(a): encrypted data -> no California notices; they were open, so they are gone.
    expect(after.obligations.some((o) => o.key.startsWith("US-CA"))).toBe(false);
    // Art. 33(1) still applies and its deadline follows the earlier discovery; same row id.
    const sa = byKey(after, "GDPR:supervisory_authority:DE");
    expect(sa.id).toBe(byKey(i, "GDPR:supervisory_authority:DE").id);
    expect(sa.dueAt).toBe("2026-03-04T10:00:00.000Z");

    const audit = await lastAudit("incident.update");
    expect(audit?.diff.facts.encrypted).toEqual({ from: false, to: true });
    expect(audit?.diff.obligations.removed.sort()).toEqual(["US-CA:attorney_general", "US-CA:individuals"]);
    expect(audit?.diff.obligations.noLongerApplies).toEqual(["GDPR:data_subjects:DE"]);
    expect(audit?.diff.obligations.changed["GDPR:supervisory_authority:DE"].dueAt).toEqual({ from: "2026-03-05T10:00:00.000Z", to: "2026-03-04T10:00:00.000Z" });
  });

  it("a not-required obligation is frozen too; re-opening it brings it up to date", async () => {
    const i = await createIncident(officer, CA_BREACH);
    const sa = byKey(i, "GDPR:supervisory_authority:DE");
    await setObligationStatus(officer, i.id, sa.id, { status: "not_required", reason: "Lead authority notified under Art. 56" });
    const moved = await updateIncident(officer, i.id, { discoveredAt: "2026-03-03T10:00:00Z" });
    expect(byKey(moved, "GDPR:supervisory_authority:DE")).toMatchObject({ status: "not_required", dueAt: "2026-03-05T10:00:00.000Z" });
    const reopened = await setObligationStatus(officer, i.id, sa.id, { status: "open" });
    expect(reopened).toMatchObject({ status: "open", dueAt: "2026-03-06T10:00:00.000Z", statusReason: null });
  });

  it("a stale version is a 409 and changes nothing", async () => {
    const i = await createIncident(officer, CA_BREACH);
    await updateIncident(officer, i.id, { title: "First edit", version: i.version });
    await expect(updateIncident(officer, i.id, { title: "Second edit", version: i.version })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getIncident(officer, i.id)).title).toBe("First edit");
  });

  it("an unknown incident is NOT_FOUND", async () => {
    await expect(updateIncident(officer, "nope", { title: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getIncident(officer, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("tracking: sent, late, dependent deadlines", () => {
  it("Cal. Civ. Code 1798.82(f): the AG copy falls due 15 days after the consumer notice is recorded as sent", async () => {
    const i = await createIncident(officer, CA_BREACH);
    const ca = byKey(i, "US-CA:individuals");
    const res = await markObligationSent(officer, i.id, ca.id, { sentAt: "2026-03-20T15:00:00Z", reference: "USPS batch 7" });
    expect(res.obligation).toMatchObject({ status: "sent", sentAt: "2026-03-20T15:00:00.000Z", reference: "USPS batch 7", sentBy: officer.kind === "user" ? officer.email : "" });
    expect(byKey(res, "US-CA:attorney_general").dueAt).toBe("2026-04-04T23:59:59.999Z");
    const audit = await lastAudit("obligation.sent");
    expect(audit?.diff.dependents.changed["US-CA:attorney_general"].dueAt).toEqual({ from: null, to: "2026-04-04T23:59:59.999Z" });
    const full = await getIncident(officer, i.id);
    expect(full.timeline.some((t) => t.action.includes("Notice sent") && t.action.includes("USPS batch 7"))).toBe(true);
  });

  it("a notice sent after its deadline is recorded as late with the reason (GDPR Art. 33(1))", async () => {
    const i = await createIncident(officer, CA_BREACH);
    const sa = byKey(i, "GDPR:supervisory_authority:DE");
    const res = await markObligationSent(officer, i.id, sa.id, { sentAt: "2026-03-06T08:00:00Z", reason: "Scope unknown until forensic report" });
    expect(res.obligation).toMatchObject({ status: "late", statusReason: "Scope unknown until forensic report" });
  });

  it("a sent notice cannot be sent again or closed; sentAt before discovery or in the future is refused", async () => {
    const i = await createIncident(officer, CA_BREACH);
    const sa = byKey(i, "GDPR:supervisory_authority:DE");
    await expect(markObligationSent(officer, i.id, sa.id, { sentAt: "2026-03-01T08:00:00Z" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(markObligationSent(officer, i.id, sa.id, { sentAt: new Date(Date.now() + 86_400_000).toISOString() })).rejects.toMatchObject({ code: "VALIDATION" });
    await markObligationSent(officer, i.id, sa.id, { sentAt: "2026-03-03T08:00:00Z" });
    await expect(markObligationSent(officer, i.id, sa.id, { sentAt: "2026-03-03T09:00:00Z" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setObligationStatus(officer, i.id, sa.id, { status: "not_required", reason: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an obligation of another incident is NOT_FOUND (ids from the client are not trusted)", async () => {
    const a = await createIncident(officer, CA_BREACH);
    const b = await createIncident(officer, CA_BREACH);
    const foreign = byKey(b, "GDPR:supervisory_authority:DE");
    await expect(markObligationSent(officer, a.id, foreign.id, { sentAt: "2026-03-03T08:00:00Z" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setObligationStatus(officer, a.id, foreign.id, { status: "late", reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateObligationChecklist(officer, a.id, foreign.id, { done: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("not required and late need a reason; the content checklist is ticked item by item", async () => {
    const i = await createIncident(officer, CA_BREACH);
    const sa = byKey(i, "GDPR:supervisory_authority:DE");
    await expect(setObligationStatus(officer, i.id, sa.id, { status: "not_required", reason: "" })).rejects.toMatchObject({ code: "VALIDATION" });
    const n = sa.contentChecklist.length;
    expect(n).toBeGreaterThanOrEqual(4); // Art. 33(3)(a)-(d)
    await expect(updateObligationChecklist(officer, i.id, sa.id, { done: [true] })).rejects.toMatchObject({ code: "VALIDATION" });
    const ticked = await updateObligationChecklist(officer, i.id, sa.id, { done: [true, ...Array(n - 1).fill(false)] });
    expect(ticked.contentChecklist[0]?.done).toBe(true);
    expect(ticked.contentChecklist[1]?.done).toBe(false);
  });
});

describe("list, findings, exports", () => {
  it("the list puts the incident with the nearest pending deadline first", async () => {
    const later = await createIncident(officer, { title: "Later one", discoveredAt: "2026-04-20T10:00:00Z", affected: [{ jurisdiction: "FR", count: 2 }] });
    const sooner = await createIncident(officer, { title: "Sooner one", discoveredAt: "2026-01-02T10:00:00Z", affected: [{ jurisdiction: "FR", count: 2 }] });
    const list = await listIncidents(officer, { now: new Date("2026-01-03T00:00:00Z") });
    const ids = list.items.map((x) => x.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    const item = list.items.find((x) => x.id === sooner.id)!;
    expect(item.nextDue).toMatchObject({ key: "GDPR:supervisory_authority:FR", dueAt: "2026-01-05T10:00:00.000Z" });
  });

  it("breachControlFindings returns overdue open obligations only", async () => {
    const i = await createIncident(officer, { title: "Overdue check", discoveredAt: "2026-02-01T10:00:00Z", affected: [{ jurisdiction: "IT", count: 5 }] });
    const sa = byKey(i, "GDPR:supervisory_authority:IT");
    const now = new Date("2026-02-10T00:00:00Z");
    const findings = await breachControlFindings(officer, { now });
    expect(findings.find((f) => f.obligationId === sa.id)).toMatchObject({ incidentId: i.id, citation: "GDPR Art. 33(1)", overdueByHours: 134 });
    await markObligationSent(officer, i.id, sa.id, { sentAt: "2026-02-09T00:00:00Z", reason: "late" });
    expect((await breachControlFindings(officer, { now })).some((f) => f.obligationId === sa.id)).toBe(false);
  });

  it("exports are produced and audited", async () => {
    const i = await createIncident(officer, { ...CA_BREACH, phi: true, roles: ["controller", "covered_entity"], aiSeriousIncident: { kind: "other", system: "Triage bot" }, dataCategories: ["names", "diagnoses"] });
    await addTimelineEntry(officer, i.id, { at: "2026-03-02T12:00:00Z", action: "Mailbox password reset", performedBy: "IT on call" });
    const pdf = await exportIncident(officer, i.id, "report.pdf");
    expect(pdf.contentType).toBe("application/pdf");
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await lastAudit("incident.export"))?.diff).toEqual({ format: "report.pdf", filename: pdf.filename });
    for (const f of ["gdpr-art33.pdf", "ca-notice.pdf", "ai-act-art73.pdf"]) expect(((await exportIncident(officer, i.id, f)).body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
    const hhs = JSON.parse((await exportIncident(officer, i.id, "hhs.json")).body as string);
    expect(hhs.breach.approximateNumberOfIndividualsAffected).toBe(513);
    expect(hhs.reportType).toContain("164.408(b)");
    const json = JSON.parse((await exportIncident(officer, i.id, "incident.json")).body as string);
    expect(json.incident.id).toBe(i.id);
    const csv = (await exportRegister(officer, "register.csv")).body as string;
    expect(csv.split("\n")[0]).toContain("Reference");
    expect(csv).toContain(i.reference);
    expect(((await exportRegister(officer, "register.xlsx")).body as Buffer).subarray(0, 2).toString()).toBe("PK");
    expect((await lastAudit("breach_register.export"))?.diff.format).toBe("register.xlsx");
    await expect(exportIncident(officer, i.id, "secrets.txt")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("permission matrix (deny by default)", () => {
  const expected: Record<Role, { read: boolean; write: boolean; export: boolean }> = {
    admin: { read: true, write: true, export: true },
    compliance_officer: { read: true, write: true, export: true },
    auditor: { read: true, write: false, export: true },
    reviewer: { read: false, write: false, export: false },
  };
  it.each(ROLES)("%s", async (role) => {
    const actor = await actorFor(role);
    const seed = await createIncident(officer, CA_BREACH);
    const sa = byKey(seed, "GDPR:supervisory_authority:DE");
    const outcome = async (p: Promise<unknown>) => p.then(() => true, (e: { code?: string }) => { if (e.code !== "FORBIDDEN") throw e; return false; });
    const e = expected[role];
    expect(await outcome(getIncident(actor, seed.id))).toBe(e.read);
    expect(await outcome(listIncidents(actor))).toBe(e.read);
    expect(await outcome(breachControlFindings(actor))).toBe(e.read);
    expect(await outcome(createIncident(actor, CA_BREACH))).toBe(e.write);
    expect(await outcome(updateIncident(actor, seed.id, { title: "renamed" }))).toBe(e.write);
    expect(await outcome(setObligationStatus(actor, seed.id, sa.id, { status: "late", reason: "waiting for counsel" }))).toBe(e.write);
    expect(await outcome(markObligationSent(actor, seed.id, sa.id, { sentAt: "2026-03-03T08:00:00Z" }))).toBe(e.write);
    expect(await outcome(addTimelineEntry(actor, seed.id, { at: "2026-03-02T12:00:00Z", action: "x" }))).toBe(e.write);
    expect(await outcome(exportIncident(actor, seed.id, "incident.json"))).toBe(e.export);
    expect(await outcome(exportRegister(actor, "register.csv"))).toBe(e.export);
  });

  it("an API key needs the scope as well as its user's role", async () => {
    const readOnlyKey: Actor = { kind: "api_key", keyId: "k1", name: "reader", scopes: ["incidents:read"], role: null, userId: null, ip: null };
    await expect(createIncident(readOnlyKey, CA_BREACH)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const auditorKey: Actor = { kind: "api_key", keyId: "k2", name: "auditor-bound", scopes: ["incidents:write"], role: "auditor", userId: "u-auditor", ip: null };
    await expect(createIncident(auditorKey, CA_BREACH)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const writer: Actor = { kind: "api_key", keyId: "k3", name: "writer", scopes: ["incidents:write"], role: null, userId: null, ip: null };
    expect((await createIncident(writer, CA_BREACH)).obligations.length).toBe(4);
  });

  it("a replayed Idempotency-Key returns the first response and writes once; another body is a 409", async () => {
    const writer: Actor = { kind: "api_key", keyId: "k4", name: "writer", scopes: ["incidents:write"], role: null, userId: null, ip: null };
    const before = await db().incident.count();
    const call = (body: unknown) => withIdempotency("incidents:create:k4", "retry-1", body, (transact) => createIncident(writer, body, transact), (incident) => ({ status: 201, body: { id: incident.id } }));
    const first = await call(CA_BREACH);
    const again = await call(CA_BREACH);
    expect(again).toMatchObject({ replayed: true, body: first.body });
    expect(await db().incident.count()).toBe(before + 1);
    await expect(call({ ...CA_BREACH, title: "other" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
