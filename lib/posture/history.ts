// Posture history helpers: the deterministic demo backfill and the downsampling that keeps
// every chart line under MAX_POINTS. Pure: no clock, no randomness that is not seeded.
import { AREAS, type Area } from "./types";
import type { PostureScores } from "./score";

export const MAX_POINTS = 1000;
export const RANGES = ["30d", "90d", "1y", "all"] as const;
export type Range = (typeof RANGES)[number];
export const RANGE_LABELS: Record<Range, string> = { "30d": "30 days", "90d": "90 days", "1y": "1 year", all: "All" };

export type SeriesPoint = { day: string; seeded: boolean } & PostureScores;
const KEYS = ["overall", ...AREAS] as const;

export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
}

/** First day included by a range, counting `today` as the last day; null for "all". */
export function rangeStart(range: Range, today: string): string | null {
  switch (range) {
    case "30d":
      return addDays(today, -29);
    case "90d":
      return addDays(today, -89);
    case "1y":
      return addDays(today, -364);
    case "all":
      return null;
  }
}

/**
 * Averages consecutive points into buckets so that no line has more than `max` points.
 * A bucket is labelled with its first day and is seeded only if every point in it is.
 */
export function downsample(points: readonly SeriesPoint[], max = MAX_POINTS): SeriesPoint[] {
  if (points.length <= max) return [...points];
  const size = Math.ceil(points.length / max);
  const out: SeriesPoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size);
    const p = { day: bucket[0]!.day, seeded: bucket.every((b) => b.seeded) } as SeriesPoint;
    for (const k of KEYS) {
      const vals = bucket.map((b) => b[k]).filter((v): v is number => v !== null);
      p[k] = vals.length ? Math.round((10 * vals.reduce((a, b) => a + b, 0)) / vals.length) / 10 : null;
    }
    out.push(p);
  }
  return out;
}

/**
 * A series point as the chart component receives it: [day, 1 when seeded, overall, then
 * each area in AREAS order]. Props of a client component travel in the page's RSC payload;
 * a year of points as objects (key names repeated 366 times) was a sixth of the home page.
 */
export type WirePoint = [day: string, seeded: 0 | 1, ...scores: (number | null)[]];

export function toWire(points: readonly ({ day: string; seeded: boolean } & Partial<PostureScores>)[]): WirePoint[] {
  return points.map((p) => [p.day, p.seeded ? 1 : 0, ...KEYS.map((k) => p[k] ?? null)]);
}

export function fromWire(points: readonly WirePoint[]): SeriesPoint[] {
  return points.map(([day, seeded, ...scores]) => {
    const p = { day, seeded: seeded === 1 } as SeriesPoint;
    KEYS.forEach((k, i) => (p[k] = scores[i] ?? null));
    return p;
  });
}

/** Up to this many points, a table of the series has a row per point; beyond, a summary. */
export const TABLE_DAILY_MAX = 90;
export type TableStep = "day" | "week" | "month";

/** How a table of `count` points is summarised: daily up to 90, weekly up to a year and a bit, then monthly. */
export function tableStep(count: number): TableStep {
  return count <= TABLE_DAILY_MAX ? "day" : count <= 400 ? "week" : "month";
}

/** The period a day belongs to: itself, the Monday starting its UTC week, or its month. */
function periodOf(day: string, step: TableStep): string {
  if (step === "day") return day;
  if (step === "month") return day.slice(0, 7);
  const t = Date.parse(`${day}T00:00:00Z`);
  return dayOf(new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000));
}

/**
 * The rows of a summarised table: the last point of each week or month (a real snapshot,
 * not an average, so every number in the table is one the chart and the CSV also hold).
 * `points` are oldest first, as postureSeries returns them; so is the result.
 */
export function lastPerPeriod<T extends { day: string }>(points: readonly T[], step: TableStep): T[] {
  if (step === "day") return [...points];
  const out: T[] = [];
  for (const p of points) {
    if (out.length && periodOf(out.at(-1)!.day, step) === periodOf(p.day, step)) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

// mulberry32: a tiny seeded PRNG, so the same inputs always give the same history.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** How far below today's score each line starts a year earlier (a believable programme). */
const START_GAP: Record<(typeof KEYS)[number], number> = { overall: 34, inventory: 45, consent: 30, breaches: 25, oversight: 50, security: 28 };

/**
 * A year (or `days`) of seeded history ending the day before `today` and converging on
 * `target` (today's measured scores): improvement comes in steps (reviews and fixes land
 * on certain days), with a small dip now and then, as a real programme looks. A line
 * whose target is null stays null. Deterministic in (today, target, days).
 */
export function seededHistory(today: string, target: PostureScores, days = 365): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  const lines = KEYS.map((k) => {
    const t = target[k];
    if (t === null) return { k, values: null as number[] | null };
    const rand = prng(hash(`${k}:${today}:${t}`));
    const start = Math.max(5, t - START_GAP[k]);
    // Step days: about two a month, each one a share of the remaining gap.
    const values: number[] = [];
    let level = start;
    for (let i = 0; i < days; i++) {
      const remainingDays = days - i;
      const stepToday = rand() < 0.07;
      if (stepToday) level += (t - level) * Math.min(1, 0.12 + 2 / remainingDays);
      const dip = rand() < 0.015 ? -(2 + rand() * 4) : 0;
      if (dip) level = Math.max(0, level + dip);
      values.push(Math.min(100, Math.max(0, Math.round(level * 10) / 10)));
    }
    // Close the last stretch so the seeded line meets today's measured point.
    const tail = Math.min(14, days);
    for (let j = 0; j < tail; j++) {
      const i = days - tail + j;
      const w = (j + 1) / (tail + 1);
      values[i] = Math.round((values[i]! * (1 - w) + t * w) * 10) / 10;
    }
    return { k, values };
  });
  for (let i = 0; i < days; i++) {
    const p = { day: addDays(today, i - days), seeded: true } as SeriesPoint;
    for (const l of lines) p[l.k] = l.values ? l.values[i]! : null;
    out.push(p);
  }
  return out;
}

export function isRange(v: unknown): v is Range {
  return typeof v === "string" && (RANGES as readonly string[]).includes(v);
}

export type { Area };
