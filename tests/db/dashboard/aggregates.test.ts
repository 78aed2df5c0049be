// Home dashboard aggregates (issue 7 item 5): breach obligations by due date, decisions
// pending and SLA breaches per day, consent trend. Data is made through each area's
// lib/server functions; assertions compare before/after at a fixed `now` so other rows in
// the shared test database do not matter.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { obligationsByDue } from "@/lib/server/breaches/obligations-by-due";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose } from "@/lib/server/consent/purposes";
import { consentRates, consentTrend } from "@/lib/server/consent/rates";
import { db } from "@/lib/server/db";
import { decisionsPendingTrend } from "@/lib/server/oversight/pending-trend";
import { applySlaTimeout } from "@/lib/server/oversight/sla";
import { actorFor } from "@/lib/server/testing/factories";
import { makeSystem, submit, systemKey } from "../oversight/helpers";

const uid = () => randomBytes(4).toString("hex");
const DAY = 86_400_000;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

let officer: Actor;
beforeAll(async () => {
  officer = await actorFor("compliance_officer");
});

describe("permission matrix (deny by default; a denial is audited)", () => {
  // breach:read and consent:read are for admin, officer and auditor; oversight:read for every role.
  const expected: Record<Role, { obligations: string; decisions: string; consent: string }> = {
    admin: { obligations: "ok", decisions: "ok", consent: "ok" },
    compliance_officer: { obligations: "ok", decisions: "ok", consent: "ok" },
    reviewer: { obligations: "FORBIDDEN", decisions: "ok", consent: "FORBIDDEN" },
    auditor: { obligations: "ok", decisions: "ok", consent: "ok" },
  };
  it.each(ROLES)("%s", async (role) => {
    const actor = await actorFor(role);
    expect({
      obligations: await code(obligationsByDue(actor)),
      decisions: await code(decisionsPendingTrend(actor)),
      consent: await code(consentTrend(actor)),
    }).toEqual(expected[role]);
  });

  it("API keys need the area's scope, anonymous callers are refused, and a denial is recorded", async () => {
    const key = (scopes: string[]): Actor => ({ kind: "api_key", keyId: `k-${uid()}`, name: "k", scopes, role: null, userId: null, ip: null });
    expect(await code(obligationsByDue(key(["decisions:read"])))).toBe("FORBIDDEN");
    expect(await code(consentTrend(key(["consent:write"])))).toBe("FORBIDDEN");
    expect(await code(decisionsPendingTrend(key(["consent:read"])))).toBe("FORBIDDEN");
    expect(await code(obligationsByDue(key(["incidents:read"])))).toBe("ok");
    expect(await code(decisionsPendingTrend({ kind: "anonymous", ip: null }))).toBe("UNAUTHENTICATED");
    const reviewer = await actorFor("reviewer");
    await obligationsByDue(reviewer).catch(() => null);
    const denied = await db().auditEvent.findFirst({ where: { action: "permission.denied", actorId: reviewer.userId }, orderBy: { id: "desc" } });
    expect(denied?.entityType).toBe("BreachObligation");
  });
});

describe("obligationsByDue", () => {
  it("buckets open obligations per regime by due date, links the incident, and drops a sent one", async () => {
    const at = new Date("2026-03-04T12:00:00Z");
    const before = await obligationsByDue(officer, { now: at });
    const i = await createIncident(officer, {
      title: `Phishing ${uid()}`,
      discoveredAt: "2026-03-02T10:00:00Z",
      riskLevel: "risk",
      affected: [{ jurisdiction: "US-CA", count: 501 }, { jurisdiction: "DE", count: 12 }],
    });
    const after = await obligationsByDue(officer, { now: at });
    const cell = (o: typeof after, regime: string, b: "overdue" | "next_24h" | "next_30d" | "no_deadline") => o.rows.find((r) => r.regime === regime)?.[b] ?? 0;
    const sa = i.obligations.find((o) => o.key === "GDPR:supervisory_authority:DE")!;
    const ca = i.obligations.find((o) => o.key === "US-CA:individuals")!;
    const ag = i.obligations.find((o) => o.key === "US-CA:attorney_general")!;
    // SA due 2026-03-05T10:00 (22 h away), CA individuals 2026-04-01 (28 days), AG no fixed date.
    expect(cell(after, sa.regime, "next_24h") - cell(before, sa.regime, "next_24h")).toBe(1);
    expect(cell(after, ca.regime, "next_30d") - cell(before, ca.regime, "next_30d")).toBe(1);
    expect(cell(after, ag.regime, "no_deadline") - cell(before, ag.regime, "no_deadline")).toBe(1);
    expect(after.total - before.total).toBe(i.obligations.filter((o) => o.status === "open" && o.applies).length);
    // The drill-down lists at most 10 incidents per cell (other tests share this database).
    const cellList = after.incidents[`${sa.regime}|next_24h`] ?? [];
    expect(cellList.length).toBeLessThanOrEqual(10);
    if ((before.incidents[`${sa.regime}|next_24h`] ?? []).length < 10) expect(cellList).toContainEqual({ id: i.id, reference: i.reference });
    expect(after.at).toBe(at.toISOString());
    // Two days later the SA notice is overdue.
    const later = await obligationsByDue(officer, { now: new Date("2026-03-06T00:00:00Z") });
    const overdueList = later.incidents[`${sa.regime}|overdue`] ?? [];
    if (overdueList.length < 10) expect(overdueList.map((x) => x.id)).toContain(i.id);
    else expect(overdueList).toHaveLength(10);
    // Once sent it is no longer open.
    await markObligationSent(officer, i.id, sa.id, { sentAt: "2026-03-04T11:00:00Z", reference: `SA-${uid()}` });
    const sent = await obligationsByDue(officer, { now: at });
    expect(cell(sent, sa.regime, "next_24h")).toBe(cell(before, sa.regime, "next_24h"));
    // A small DTO: counts and references, no rows.
    expect(Object.keys(sent.rows[0] ?? {}).sort()).toEqual(["later", "next_24h", "next_30d", "next_7d", "no_deadline", "overdue", "regime"]);
  });
});

describe("decisionsPendingTrend", () => {
  it("counts decisions pending at the end of each day and SLA breaches on the day they happened", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 48 }] });
    const key = await systemKey(system.id);
    const now = new Date();
    const before = await decisionsPendingTrend(officer, { days: 30, now });
    expect(before.points).toHaveLength(30);
    expect(before.points.at(-1)!.day).toBe(now.toISOString().slice(0, 10));
    const a = await submit(key);
    const b = await submit(key);
    const mid = await decisionsPendingTrend(officer, { days: 30, now: new Date(Date.now() + 1000) });
    expect(mid.points.at(-1)!.pending - before.points.at(-1)!.pending).toBe(2);
    expect(mid.points.at(-1)!.newForReview - before.points.at(-1)!.newForReview).toBe(2);
    expect(mid.pendingNow).toBe(mid.points.at(-1)!.pending);

    // Three days on, the SLA timeout hits one: one breach that day.
    const future = new Date(now.getTime() + 3 * DAY);
    const beforeBreach = await decisionsPendingTrend(officer, { days: 30, now: future });
    const id = (a as { body?: { id?: string } }).body?.id ?? (a as { id?: string }).id;
    expect(id).toBeTruthy();
    expect(await applySlaTimeout(id!, future)).toBe(true);
    const t = await decisionsPendingTrend(officer, { days: 30, now: new Date(future.getTime() + 1000) });
    expect(t.points.at(-1)!.slaBreaches - beforeBreach.points.at(-1)!.slaBreaches).toBe(1);
    expect(t.slaBreaches - beforeBreach.slaBreaches).toBe(1);
    // An expired decision is decided (no longer pending); an escalated one still waits.
    const status = (await db().oversightDecision.findUniqueOrThrow({ where: { id: id! } })).status;
    expect(["expired", "escalated"]).toContain(status);
    expect(beforeBreach.points.at(-1)!.pending - t.points.at(-1)!.pending).toBe(status === "expired" ? 1 : 0);
    // Earlier days are unchanged: the decision was pending at their end.
    expect(t.points.at(-2)!.pending).toBe(beforeBreach.points.at(-2)!.pending);
    void b;
  });

  it("equals counting every decision row by row (the definition), on each of 90 days", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 48 }] });
    const key = await systemKey(system.id);
    const a = await submit(key);
    await submit(key);
    const id = (a as { body?: { id?: string } }).body?.id ?? (a as { id?: string }).id;
    await applySlaTimeout(id!, new Date(Date.now() + 3 * DAY));
    const now = new Date(Date.now() + 4 * DAY);
    const got = await decisionsPendingTrend(officer, { days: 90, now });
    const rows = await db().oversightDecision.findMany({ select: { createdAt: true, decidedAt: true, slaBreachedAt: true, requiredApprovals: true } });
    const expected = got.points.map((p) => {
      const ws = Date.parse(`${p.day}T00:00:00Z`);
      const we = ws + DAY;
      const at = Math.min(we, now.getTime());
      const review = rows.filter((r) => r.requiredApprovals > 0);
      return {
        day: p.day,
        pending: review.filter((r) => r.createdAt.getTime() < at && (r.decidedAt === null || r.decidedAt.getTime() >= at)).length,
        newForReview: review.filter((r) => r.createdAt.getTime() >= ws && r.createdAt.getTime() < at).length,
        slaBreaches: rows.filter((r) => r.slaBreachedAt && r.slaBreachedAt.getTime() >= ws && r.slaBreachedAt.getTime() < we).length,
      };
    });
    expect(got.points).toEqual(expected);
  });

  it.each([0, 91, 1.5, "30"])("rejects days=%s", async (days) => {
    expect(await code(decisionsPendingTrend(officer, { days }))).toBe("VALIDATION");
  });
});

describe("consentTrend (reuses the consent rates day grouping)", () => {
  it("counts grants, withdrawals and opt-outs per day", async () => {
    const now = new Date();
    const ago = (d: number) => new Date(now.getTime() - d * DAY).toISOString();
    const dayAgo = (d: number) => ago(d).slice(0, 10);
    const key = `p_${uid()}`;
    await createPurpose(SYSTEM_CLI, { key, title: "Dashboard test", lawfulBasis: "consent", noticeText: `Notice ${uid()}` });
    const before = await consentTrend(officer, { days: 30, now });
    await ingestConsentEvents(SYSTEM_CLI, {
      events: [
        { subjectId: `a-${uid()}`, purpose: key, action: "grant", occurredAt: ago(3) },
        { subjectId: `b-${uid()}`, purpose: key, action: "opt_in", occurredAt: ago(3) },
        { subjectId: `c-${uid()}`, purpose: key, action: "withdraw", occurredAt: ago(2) },
        { subjectId: `d-${uid()}`, purpose: key, action: "opt_out", occurredAt: ago(2) },
        { subjectId: `e-${uid()}`, purpose: key, action: "grant", occurredAt: ago(45) },
      ],
    });
    const after = await consentTrend(officer, { days: 30, now });
    const at = (t: typeof after, day: string) => t.points.find((p) => p.day === day)!;
    expect(after.points).toHaveLength(30);
    expect(at(after, dayAgo(3)).grants - at(before, dayAgo(3)).grants).toBe(2);
    expect(at(after, dayAgo(2)).withdrawals - at(before, dayAgo(2)).withdrawals).toBe(1);
    expect(at(after, dayAgo(2)).optOuts - at(before, dayAgo(2)).optOuts).toBe(1);
    expect(after.totals.grants - before.totals.grants).toBe(2); // the 45-day-old grant is outside 30 days
    const ninety = await consentTrend(officer, { days: 90, now });
    expect(ninety.points).toHaveLength(90);
    expect(ninety.points.find((p) => p.day === dayAgo(45))!.grants).toBeGreaterThanOrEqual(1);
    // The rates chart on /consent still reads the same grouping.
    const rates = await consentRates(officer, { days: 30, now });
    expect(rates.points.find((p) => p.day === dayAgo(3))![key]).toBe(100);
    expect(rates.points.find((p) => p.day === dayAgo(2))![key]).toBe(0);
  });

  it.each([45, 0, "30", 30.5])("rejects days=%s", async (days) => {
    expect(await code(consentTrend(officer, { days }))).toBe("VALIDATION");
  });
});
