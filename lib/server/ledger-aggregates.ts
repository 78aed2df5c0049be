import "server-only";
// The consent ledger's per-day charts on the home page and the consent page, computed at
// most once a minute per instance (docs/decisions/513). They count every event of their
// window: 27,000 rows for 30 days of the standard dataset, but 230,000 after a day of ingest
// at benchmark rates, 190 ms of PostgreSQL per page view. A chart of daily counts a minute
// old is still the chart; the panel says when it was counted. Callers check the reader's
// permission before asking (the first caller's check is the one the computation runs under).
// Exports (/dashboard/export) and the lib functions themselves always count afresh.
import type { Actor } from "@/lib/server/actor";
import { consentRates, consentTrend } from "@/lib/server/consent/rates";

export const LEDGER_AGGREGATE_TTL_MS = 60_000;

type Entry<T> = { at: number; value: Promise<T> };
const g = globalThis as unknown as { __ledgerAggregates?: Map<string, Entry<unknown>> };
const entries = (g.__ledgerAggregates ??= new Map());

/** The value of `compute` for `key`, counted at most once per TTL; a failed count is not kept. */
async function perMinute<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<{ value: T; countedAt: Date }> {
  let e = entries.get(key) as Entry<T> | undefined;
  if (!e || now - e.at >= LEDGER_AGGREGATE_TTL_MS) {
    e = { at: now, value: compute() };
    entries.set(key, e);
    e.value.catch(() => entries.delete(key));
  }
  return { value: await e.value, countedAt: new Date(e.at) };
}

export const consentTrendPerMinute = (actor: Actor, days: number) => perMinute(`consentTrend:${days}`, () => consentTrend(actor, { days }));
export const consentRatesPerMinute = (actor: Actor, days: number) => perMinute(`consentRates:${days}`, () => consentRates(actor, { days }));

/** Tests: forget what was counted. */
export function forgetLedgerAggregates() {
  entries.clear();
}
