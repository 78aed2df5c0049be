// The obligations register CSV (one row per obligation, streamed in keyset pages through the
// raw driver) on the dialect under test: every row, in id order, across page boundaries; the
// same cells as the stored rows; formula-safe; refused for a role without breach:export;
// audited like the per-incident register.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { OBLIGATION_REGISTER_HEADERS } from "@/lib/breaches/reports";
import { parseCsv, type Cell } from "@/lib/export/csv";
import { csvChunks } from "@/lib/export/csv-stream";
import type { Actor } from "@/lib/server/actor";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { exportRegister } from "@/lib/server/breaches/export-incident";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";
import { obligationRegisterPages } from "@/lib/server/breaches/obligation-register";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";

async function collect(gen: AsyncGenerator<Cell[][]>) {
  const pages: Cell[][][] = [];
  for await (const p of gen) pages.push(p);
  return pages;
}

/** What each row must say, from the stored rows through Prisma (the reference). */
async function expectedRows(): Promise<Cell[][]> {
  const rows = await db().breachObligation.findMany({ orderBy: { id: "asc" }, include: { incident: { select: { reference: true, title: true } } } });
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((o) => [o.incident.reference, o.incident.title, o.key, o.regime, o.recipient, o.jurisdiction, iso(o.dueAt), o.dueRule, o.citation, o.ruleVersion, o.status, o.statusReason, iso(o.sentAt), o.sentReference, o.sentByLabel, o.applies]);
}

let officer: Actor;
const tag = randomBytes(3).toString("hex");
beforeAll(async () => {
  officer = await actorFor("compliance_officer");
  for (let i = 0; i < 3; i++) {
    const inc = await createIncident(officer, {
      title: i === 0 ? `=HYPERLINK("http://evil.example") ${tag}` : `Lost laptop ${tag} ${i}, "quoted"`,
      discoveredAt: "2026-03-02T10:00:00Z",
      riskLevel: "risk",
      affected: [{ jurisdiction: "US-CA", count: 501 + i }, { jurisdiction: "DE", count: 12 }],
    });
    const sa = inc.obligations.find((o) => o.key === "GDPR:supervisory_authority:DE")!;
    if (i === 1) await markObligationSent(officer, inc.id, sa.id, { sentAt: "2026-03-03T08:00:00Z", reference: "=SUM(A1)" });
  }
});

describe("obligations register CSV", () => {
  it("streams every obligation in id order, the same rows whatever the page size", async () => {
    const want = await expectedRows();
    expect(want.length).toBeGreaterThanOrEqual(12);
    const small = await collect(obligationRegisterPages(officer, 5));
    expect(small[0]).toEqual([OBLIGATION_REGISTER_HEADERS]);
    expect(small.length).toBeGreaterThan(3); // several pages, so the keyset crossed boundaries
    expect(small.slice(1).every((p) => p.length <= 5)).toBe(true);
    expect(small.slice(1).flat()).toEqual(want);
    const large = await collect(obligationRegisterPages(officer));
    expect(large.slice(1).flat()).toEqual(want);
  });

  it("is formula-safe CSV: titles and references that start a formula are neutralised", async () => {
    let text = "";
    for await (const chunk of csvChunks(obligationRegisterPages(officer, 4))) text += chunk;
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(OBLIGATION_REGISTER_HEADERS);
    const mine = rows.filter((r) => r[1]!.includes(tag));
    expect(mine.length).toBe(12);
    expect(mine.some((r) => r[1] === `'=HYPERLINK("http://evil.example") ${tag}`)).toBe(true);
    expect(mine.some((r) => r[1]!.endsWith(`, "quoted"`))).toBe(true);
    const sent = mine.find((r) => r[13] === "'=SUM(A1)")!;
    expect(sent).toBeDefined();
    expect(sent[12]).toBe("2026-03-03T08:00:00.000Z");
    expect(sent[15]).toBe("true");
  });

  it("is audited like the register export, and refused without breach:export", async () => {
    const auditor = await actorFor("auditor");
    const pages = obligationRegisterPages(auditor);
    await pages.next();
    await pages.return(undefined);
    const last = await db().auditEvent.findFirst({ where: { action: "breach_register.export" }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ entityType: "Incident", entityId: null, actorLabel: expect.stringContaining(auditor.email) });
    expect(JSON.parse(last!.diff!)).toEqual({ format: "obligations.csv" });

    const reviewer = await actorFor("reviewer");
    const before = await db().auditEvent.count({ where: { action: "breach_register.export" } });
    await expect(collect(obligationRegisterPages(reviewer))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportRegister(reviewer, "register.csv")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().auditEvent.count({ where: { action: "breach_register.export" } })).toBe(before);
  });

  it("the per-incident register still lists each incident once, with its obligation counts", async () => {
    const csv = parseCsv((await exportRegister(officer, "register.csv")).body as string);
    const mine = csv.filter((r) => r[1]!.includes(tag));
    expect(mine).toHaveLength(3);
    expect(mine.every((r) => r[15] === "4")).toBe(true);
  });
});
