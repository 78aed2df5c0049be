// The consent charts of the home and consent pages are counted at most once a minute per
// instance (docs/decisions/513); the lib functions and the exports always count afresh.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose } from "@/lib/server/consent/purposes";
import { consentTrend } from "@/lib/server/consent/rates";
import { consentRatesPerMinute, consentTrendPerMinute, forgetLedgerAggregates } from "@/lib/server/ledger-aggregates";
import { actorFor } from "@/lib/server/testing/factories";

const uid = () => randomBytes(4).toString("hex");
afterEach(() => forgetLedgerAggregates());

describe("consent charts counted at most once a minute", () => {
  it("a second view within the minute gets the same count and time; the lib function and a forgotten cache count afresh", async () => {
    const officer = await actorFor("compliance_officer");
    const key = `p_${uid()}`;
    await createPurpose(SYSTEM_CLI, { key, title: "Per-minute test", lawfulBasis: "consent", noticeText: `Notice ${uid()}` });
    forgetLedgerAggregates();
    const first = await consentTrendPerMinute(officer, 30);
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: `s-${uid()}`, purpose: key, action: "grant" });
    const second = await consentTrendPerMinute(officer, 30);
    expect(second.countedAt).toEqual(first.countedAt);
    expect(second.value.totals.grants).toBe(first.value.totals.grants);
    // (>=: other files of the run write to the same ledger meanwhile)
    expect((await consentTrend(officer, { days: 30 })).totals.grants, "the function itself counts afresh").toBeGreaterThanOrEqual(first.value.totals.grants + 1);
    // Other windows and the rates chart are counted on their own.
    expect((await consentTrendPerMinute(officer, 90)).value.days).toBe(90);
    expect((await consentRatesPerMinute(officer, 30)).value.purposes).toContain(key);
    forgetLedgerAggregates();
    expect((await consentTrendPerMinute(officer, 30)).value.totals.grants).toBeGreaterThanOrEqual(first.value.totals.grants + 1);
  });
});
