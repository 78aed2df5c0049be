import { describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { consentControlFindings } from "@/lib/server/consent/control-findings";
import { listPurposes } from "@/lib/server/consent/purposes";
import { seedConsentDemo } from "@/lib/server/consent/seed-demo";

describe("consent demo seed", () => {
  it("makes purposes with notices and real events through the ingest path, with every GPC signal honoured", async () => {
    await seedConsentDemo(SYSTEM_CLI, new Date("2026-11-27T12:00:00Z"));
    const keys = (await listPurposes(SYSTEM_CLI)).map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(["marketing_email", "analytics", "ad_sharing"]));
    expect(await db().consentEvent.count({ where: { source: "banner" } })).toBeGreaterThanOrEqual(200);
    expect(await db().consentSubject.count({ where: { lastGpcAt: { not: null } } })).toBeGreaterThan(0);
    const { findings } = await consentControlFindings(SYSTEM_CLI);
    expect(findings.filter((f) => ["marketing_email", "analytics", "ad_sharing"].includes(f.purpose))).toEqual([]);
  });

  it("reads as a real history: consents given after their notice, withdrawals only after a grant", async () => {
    // (the demo seeded by the test above)
    const purposes = await db().consentPurpose.findMany({ where: { key: { in: ["marketing_email", "analytics", "ad_sharing"] } }, select: { id: true } });
    const ids = purposes.map((p) => p.id);
    const notices = await db().consentNoticeVersion.findMany({ where: { purposeId: { in: ids } } });
    const firstNotice = new Map(notices.map((n) => [n.purposeId, n.publishedAt.getTime()]));
    const events = await db().consentEvent.findMany({ where: { purposeId: { in: ids }, source: "banner" }, orderBy: { occurredAt: "asc" } });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(firstNotice.get(e.purposeId)!);
    const granted = new Set<string>();
    for (const e of events) {
      const k = `${e.subjectId}:${e.purposeId}`;
      if (e.action === "grant" || e.action === "opt_in") granted.add(k);
      if (e.action === "withdraw") expect(granted.has(k), "a withdrawal without a prior grant").toBe(true);
    }
    expect(events.some((e) => e.action === "withdraw")).toBe(true);
  });
});
