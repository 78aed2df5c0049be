// Calendar arithmetic for statutory deadlines, in an IANA time zone, using only Intl.
//
// Counting convention: the trigger day (the local date of
// discovery/awareness/determination in the organisation's time zone) is day 0, and a deadline
// of "N days" falls due at the end of day N (23:59:59.999 local), returned as a UTC instant.
// No statute we encode rolls a weekend or holiday forward, so calendar days are never adjusted.
// Hour-based deadlines (GDPR Art. 33(1): 72 hours) are exact instants from the trigger instant.

export interface LocalDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallParts(ms: number, timeZone: string): WallParts {
  const out: WallParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type === "year" || p.type === "month" || p.type === "day" || p.type === "hour" || p.type === "minute" || p.type === "second") {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

/** Offset of the zone from UTC at an instant, in ms (local = utc + offset). */
export function tzOffsetMs(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local time. DST is resolved
 * like Temporal's "compatible" disambiguation: an ambiguous time (clocks set back) gives the
 * earlier instant (the conservative reading for a deadline); a skipped time gives the later one.
 */
export function wallTimeToInstant(
  date: LocalDate,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  timeZone: string,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second, millisecond);
  const before = tzOffsetMs(wall - DAY_MS, timeZone);
  const after = tzOffsetMs(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((t) => t + tzOffsetMs(t, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  return wall - before; // in a gap: push forward by the size of the gap
}

/** The local calendar date of an instant in a time zone. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const p = wallParts(ms, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/**
 * Adds business days (Monday-Friday). Used only where a statute says "business days"
 * (Vt. 9 V.S.A. 2435(b)(3); N.Y. GBL 899-aa; Me. 10 M.R.S. 1348(3)). Public holidays are NOT
 * skipped: which holidays count is not confirmed per state, and ignoring them gives the earlier,
 * safer deadline.
 */
export function addBusinessDays(date: LocalDate, businessDays: number): LocalDate {
  let d = date;
  let left = businessDays;
  while (left > 0) {
    d = addDays(d, 1);
    const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}

/** 23:59:59.999 local on `date`, as a UTC epoch ms. */
export function endOfLocalDay(date: LocalDate, timeZone: string): number {
  return wallTimeToInstant(date, 23, 59, 59, 999, timeZone);
}

/** "Within N calendar days of the trigger": end of day N, the trigger's local date being day 0. */
export function endOfDayAfter(triggerMs: number, days: number, timeZone: string): number {
  return endOfLocalDay(addDays(localDateOf(triggerMs, timeZone), days), timeZone);
}

/** "Within N business days of the trigger" (weekends skipped, the trigger day being day 0). */
export function endOfBusinessDayAfter(triggerMs: number, businessDays: number, timeZone: string): number {
  return endOfLocalDay(addBusinessDays(localDateOf(triggerMs, timeZone), businessDays), timeZone);
}

/**
 * "Not later than N days after the end of each calendar year" (45 CFR 164.408(c)): 31 December
 * is day 0, so 60 days gives 1 March in a common year and 29 February in a leap year.
 */
export function endOfYearPlusDays(year: number, days: number, timeZone: string): number {
  return endOfLocalDay(addDays({ year, month: 12, day: 31 }, days), timeZone);
}

/** Hour-based deadline: an exact instant. */
export function addHours(ms: number, hours: number): number {
  return ms + hours * HOUR_MS;
}

export function isoDate(date: LocalDate): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Parses an ISO 8601 instant (or date) to epoch ms; throws on anything unparseable. */
export function parseInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${field}: not an ISO 8601 instant: ${JSON.stringify(value)}`);
  return ms;
}

/**
 * The local date meant by an input: a bare date (`2026-06-01`) is that calendar date in the
 * organisation's zone (not UTC midnight, which is the previous day west of Greenwich); an instant
 * is converted to its local date.
 */
export function localDateOfInput(value: string, timeZone: string, field: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (m) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    const check = addDays(date, 0);
    if (check.month !== date.month || check.day !== date.day) throw new RangeError(`${field}: no such date: ${value}`);
    return date;
  }
  return localDateOf(parseInstant(value, field), timeZone);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
