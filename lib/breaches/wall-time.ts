// Converting between instants and the wall-clock values of <input type="datetime-local"> in the
// organisation's zone (the forms show and take times where the officer counts deadlines).
import { localDateOf, wallTimeToInstant } from "./calendar";

/** "2026-03-02T11:00" in `timeZone` -> ISO instant; null when empty or malformed. */
export function wallInputToIso(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const ms = wallTimeToInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, Number(m[4]), Number(m[5]), 0, 0, timeZone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** ISO instant -> "YYYY-MM-DDTHH:MM" in `timeZone`. */
export function isoToWallInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const d = localDateOf(ms, timeZone);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(ms));
  const hh = parts.find((p) => p.type === "hour")?.value ?? "00";
  const mm = parts.find((p) => p.type === "minute")?.value ?? "00";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.year}-${pad(d.month)}-${pad(d.day)}T${hh}:${mm}`;
}
