// Periods expressed in months (EU law: Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c); also
// "six months" of retention). A month period ends with the day of the last month bearing the
// same date as the event, or the last day of that month when there is no such date (31 January
// + 1 month = 28/29 February). Counted on local dates in the given zone, due end of that day.
import { endOfLocalDay, localDateOf } from "./calendar";
import type { LocalDate } from "./calendar";

export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

/** End of the local day `months` calendar months after the trigger's local date. */
export function endOfMonthsAfter(triggerMs: number, months: number, timeZone: string): number {
  return endOfLocalDay(addMonths(localDateOf(triggerMs, timeZone), months), timeZone);
}
