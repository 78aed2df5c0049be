import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addHours,
  endOfDayAfter,
  endOfYearPlusDays,
  isoDate,
  localDateOf,
  localDateOfInput,
  toIso,
  wallTimeToInstant,
} from "./calendar";

const ms = (iso: string): number => Date.parse(iso);

describe("calendar days: trigger day is day 0, due end of day N (the counting convention in lib/breaches/calendar.ts)", () => {
  it.each([
    { name: "Cal. Civ. Code 1798.82(a) 30 days, UTC", at: "2026-01-01T10:00:00Z", days: 30, tz: "UTC", due: "2026-01-31T23:59:59.999Z" },
    { name: "Cal. Civ. Code 1798.82(a) 30 days, America/Los_Angeles discovery at 23:30 local (06:30Z next day)", at: "2026-03-10T06:30:00Z", days: 30, tz: "America/Los_Angeles", due: "2026-04-09T06:59:59.999Z" },
    { name: "Cal. Civ. Code 1798.82(a) 30 days, the same instant counted in UTC is a day later", at: "2026-03-10T06:30:00Z", days: 30, tz: "UTC", due: "2026-04-09T23:59:59.999Z" },
    { name: "45 CFR 164.404(b) 60 days across the US spring-forward (PST day 0, PDT due)", at: "2026-03-01T20:00:00Z", days: 60, tz: "America/Los_Angeles", due: "2026-05-01T06:59:59.999Z" },
    { name: "EU AI Act Art. 73(4) 10 days across the EU fall-back (CEST day 0, CET due)", at: "2026-10-20T12:00:00Z", days: 10, tz: "Europe/Berlin", due: "2026-10-30T22:59:59.999Z" },
    { name: "EU AI Act Art. 73(3) 2 days in a +05:30 zone after local midnight", at: "2026-05-01T20:00:00Z", days: 2, tz: "Asia/Kolkata", due: "2026-05-04T18:29:59.999Z" },
    { name: "45 CFR 164.404(b) 60 days over 29 February 2028", at: "2027-12-31T12:00:00Z", days: 60, tz: "UTC", due: "2028-02-29T23:59:59.999Z" },
  ])("$name", ({ at, days, tz, due }) => {
    expect(toIso(endOfDayAfter(ms(at), days, tz))).toBe(due);
  });
});

describe("45 CFR 164.408(c): 60 days after the end of the calendar year (31 December is day 0)", () => {
  it.each([
    { name: "45 CFR 164.408(c) 2026 breaches -> 1 March 2027", year: 2026, tz: "UTC", due: "2027-03-01T23:59:59.999Z" },
    { name: "45 CFR 164.408(c) 2027 breaches -> 29 February 2028 (leap year)", year: 2027, tz: "UTC", due: "2028-02-29T23:59:59.999Z" },
    { name: "45 CFR 164.408(c) 2023 breaches -> 29 February 2024 (leap year)", year: 2023, tz: "UTC", due: "2024-02-29T23:59:59.999Z" },
    { name: "45 CFR 164.408(c) 2099 breaches -> 1 March 2100 (2100 is not a leap year)", year: 2099, tz: "UTC", due: "2100-03-01T23:59:59.999Z" },
    { name: "45 CFR 164.408(c) 2026 breaches, America/Los_Angeles end of 1 March 2027 (PST)", year: 2026, tz: "America/Los_Angeles", due: "2027-03-02T07:59:59.999Z" },
  ])("$name", ({ year, tz, due }) => {
    expect(toIso(endOfYearPlusDays(year, 60, tz))).toBe(due);
  });
});

describe("business days where a statute says so (9 V.S.A. 2435(b)(3); N.Y. GBL 899-aa(9); 10 M.R.S. 1348)", () => {
  it.each([
    { name: "9 V.S.A. 2435(b)(3) 14 business days from Thursday 1 January 2026", from: "2026-01-01", n: 14, due: "2026-01-21" },
    { name: "N.Y. GBL 899-aa(9) 5 business days from a Friday", from: "2026-01-02", n: 5, due: "2026-01-09" },
    { name: "10 M.R.S. 1348 business day after a Saturday is Monday", from: "2026-01-03", n: 1, due: "2026-01-05" },
    { name: "10 M.R.S. 1348 7 business days from a Wednesday", from: "2026-06-03", n: 7, due: "2026-06-12" },
  ])("$name", ({ from, n, due }) => {
    expect(isoDate(addBusinessDays(localDateOfInput(from, "UTC", "from"), n))).toBe(due);
  });
});

describe("hour-based deadlines and wall-clock resolution", () => {
  it("GDPR Art. 33(1) 72 hours is an exact instant, unaffected by a DST change", () => {
    expect(toIso(addHours(ms("2026-03-27T09:15:30.250Z"), 72))).toBe("2026-03-30T09:15:30.250Z");
  });
  it("ambiguous local time (America/New_York fall-back) resolves to the earlier instant", () => {
    expect(toIso(wallTimeToInstant({ year: 2026, month: 11, day: 1 }, 1, 30, 0, 0, "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
  });
  it("skipped local time (America/New_York spring-forward) resolves forward by the gap", () => {
    expect(toIso(wallTimeToInstant({ year: 2026, month: 3, day: 8 }, 2, 30, 0, 0, "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
  });
  it("local date of an instant depends on the zone", () => {
    expect(isoDate(localDateOf(ms("2027-01-01T04:00:00Z"), "America/Los_Angeles"))).toBe("2026-12-31");
    expect(isoDate(localDateOf(ms("2027-01-01T04:00:00Z"), "UTC"))).toBe("2027-01-01");
  });
  it("a bare date input is that local date, not UTC midnight", () => {
    expect(isoDate(localDateOfInput("2026-06-01", "America/Los_Angeles", "until"))).toBe("2026-06-01");
    expect(isoDate(localDateOfInput("2026-06-01T00:00:00Z", "America/Los_Angeles", "until"))).toBe("2026-05-31");
  });
  it("rejects impossible dates, unparseable instants and unknown zones", () => {
    expect(() => localDateOfInput("2026-02-30", "UTC", "until")).toThrow(RangeError);
    expect(() => localDateOfInput("soon", "UTC", "until")).toThrow(RangeError);
    expect(() => endOfDayAfter(0, 1, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
