// The home page's and the breach list's faster reads (issue 14): the audit event count from
// the seq index, the consent ledger's per-day groups in one query, and the breach list ordered
// before its page is loaded. Each is checked against the plain way of computing it, in a
// shared database (other files write meanwhile, so comparisons are of this file's rows or of
// reads taken together).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { sealOnce } from "@/lib/server/audit/seal";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { listIncidents } from "@/lib/server/breaches/query-incidents";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";
import { consentDailyGroups } from "@/lib/server/consent/daily-groups";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose } from "@/lib/server/consent/purposes";
import { db } from "@/lib/server/db";
import { auditEventCount } from "@/lib/server/overview";
import { actorFor } from "@/lib/server/testing/factories";

const uid = () => randomBytes(4).toString("hex");

let officer: Actor;
beforeAll(async () => {
  officer = await actorFor("compliance_officer");
});

describe("auditEventCount", () => {
  it("is the number of audit rows, sealed or not", async () => {
    // Writes audit events that are not sealed yet, then seals them: the count is right both times.
    await createPurpose(SYSTEM_CLI, { key: `p_${uid()}`, title: "Count test", lawfulBasis: "consent", noticeText: `Notice ${uid()}` });
    const same = async () => {
      for (let i = 0; i < 5; i++) {
        const [a, b, c] = [await db().auditEvent.count(), await auditEventCount(), await db().auditEvent.count()];
        if (a === c) return expect(b).toBe(a); // no other file wrote in between
      }
      throw new Error("the audit log kept changing");
    };
    expect(await db().auditEvent.count({ where: { seq: null } })).toBeGreaterThan(0);
    await same();
    await sealOnce();
    await same();
  });
});

describe("consentDailyGroups", () => {
  it("counts per UTC day, purpose and action, an event at midnight on its own day, oldest day first", async () => {
    const key = `p_${uid()}`;
    const purpose = await createPurpose(SYSTEM_CLI, { key, title: "Daily groups", lawfulBasis: "consent", noticeText: `Notice ${uid()}` });
    await ingestConsentEvents(SYSTEM_CLI, {
      events: [
        { subjectId: `a-${uid()}`, purpose: key, action: "grant", occurredAt: "2018-06-10T00:00:00.000Z" },
        { subjectId: `b-${uid()}`, purpose: key, action: "grant", occurredAt: "2018-06-10T23:59:59.999Z" },
        { subjectId: `c-${uid()}`, purpose: key, action: "withdraw", occurredAt: "2018-06-09T12:00:00Z" },
        { subjectId: `d-${uid()}`, purpose: key, action: "opt_out", occurredAt: "2018-06-12T09:00:00Z" },
        { subjectId: `e-${uid()}`, purpose: key, action: "grant", occurredAt: "2018-06-13T00:00:00.000Z" }, // after the window
        { subjectId: `f-${uid()}`, purpose: key, action: "grant", occurredAt: "2018-05-13T23:59:59.999Z" }, // before it
      ],
    });
    const days = await consentDailyGroups(30, new Date("2018-06-12T10:00:00Z"));
    expect(days).toHaveLength(30);
    expect(days[0]!.day).toBe("2018-05-14");
    expect(days.at(-1)!.day).toBe("2018-06-12");
    const id = (purpose as { id?: string }).id ?? (await db().consentPurpose.findUniqueOrThrow({ where: { key } })).id;
    const mine = days.map((d) => ({ day: d.day, groups: d.groups.filter((g) => g.purposeId === id).map((g) => [g.action, g._count._all]) })).filter((d) => d.groups.length);
    expect(mine).toEqual([
      { day: "2018-06-09", groups: [["withdraw", 1]] },
      { day: "2018-06-10", groups: [["grant", 2]] },
      { day: "2018-06-12", groups: [["opt_out", 1]] },
    ]);
  });
});

describe("listIncidents", () => {
  it("orders by the nearest pending deadline, then undated pending, then the rest, and loads the page's details", async () => {
    const now = new Date("2021-02-01T00:00:00Z");
    // GDPR Art. 33: 72 h from discovery, so the earlier discovery is due first.
    const first = await createIncident(officer, { title: `First ${uid()}`, discoveredAt: "2021-01-05T10:00:00Z", affected: [{ jurisdiction: "FR", count: 2 }] });
    const second = await createIncident(officer, { title: `Second ${uid()}`, discoveredAt: "2021-01-20T10:00:00Z", affected: [{ jurisdiction: "FR", count: 3 }] });
    const done = await createIncident(officer, { title: `Done ${uid()}`, discoveredAt: "2021-01-10T10:00:00Z", affected: [{ jurisdiction: "FR", count: 4 }] });
    for (const o of done.obligations.filter((x) => x.status === "open" && x.applies)) await markObligationSent(officer, done.id, o.id, { sentAt: "2021-01-11T10:00:00Z", reference: `R-${uid()}` });
    const all: Awaited<ReturnType<typeof listIncidents>>["items"] = [];
    const firstPage = await listIncidents(officer, { now });
    for (let p = 1; p <= Math.ceil(firstPage.total / firstPage.pageSize); p++) all.push(...(p === 1 ? firstPage : await listIncidents(officer, { now, page: p })).items);
    const at = (id: string) => all.findIndex((i) => i.id === id);
    expect(at(first.id)).toBeGreaterThanOrEqual(0);
    expect(at(first.id)).toBeLessThan(at(second.id));
    expect(at(second.id)).toBeLessThan(at(done.id));
    const f = all[at(first.id)]!;
    const sa = first.obligations.find((o) => o.key === "GDPR:supervisory_authority:FR")!;
    expect(f).toMatchObject({ reference: first.reference, totalAffected: 2, jurisdictions: ["FR"], obligations: first.obligations.length, nextDue: { key: sa.key, dueAt: "2021-01-08T10:00:00.000Z" } });
    expect(f.overdue).toBeGreaterThanOrEqual(1);
    expect(all[at(done.id)]).toMatchObject({ pending: 0, overdue: 0, nextDue: null });
    // Every item of a page is one of the incidents, each once; the pages cover the total.
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(firstPage.items.length).toBeLessThanOrEqual(25);
  });
});
