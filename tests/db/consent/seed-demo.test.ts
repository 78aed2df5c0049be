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
    expect(await db().consentEvent.count({ where: { source: "banner" } })).toBeGreaterThanOrEqual(480);
    expect(await db().consentSubject.count({ where: { lastGpcAt: { not: null } } })).toBeGreaterThan(0);
    const { findings } = await consentControlFindings(SYSTEM_CLI);
    expect(findings.filter((f) => ["marketing_email", "analytics", "ad_sharing"].includes(f.purpose))).toEqual([]);
  });
});
