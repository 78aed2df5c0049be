// One way to write a date in the app: "3 Dec 2026" or "3 Dec 2026, 14:05 CET", always in
// the organisation's zone (its deadlines are in that zone too), with the UTC instant kept
// for a title on hover. Pure, so pages, exports and tests agree.

export type DateStyle = "date" | "datetime";

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatInZone(value: Date | string, zone: string, style: DateStyle = "datetime"): string {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "—";
  // A calendar date ("2027-01-31", a review due date) is no instant: read in any zone west
  // of UTC it would show the day before. It is written as is.
  const calendar = typeof value === "string" && CALENDAR_DATE.test(value);
  const date = new Intl.DateTimeFormat("en-GB", { timeZone: calendar ? "UTC" : zone, day: "numeric", month: "short", year: "numeric" }).format(d);
  if (style === "date" || calendar) return date;
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }).format(d);
  return `${date}, ${time}`;
}

/** "2026-12-03 13:05 UTC": the exact instant, for hover titles and audit contexts. */
export function utcStamp(value: Date | string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? "" : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
