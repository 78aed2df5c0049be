import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, formatUtc } from "./ics";

describe("ics writing (RFC 5545)", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets with CRLF + space and never splits a UTF-8 character", () => {
    const long = "SUMMARY:" + "é".repeat(100);
    const folded = foldLine(long);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(" ")).toBe(true);
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(long);
    expect(foldLine("short")).toBe("short");
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe("x".repeat(75) + "\r\n x");
  });

  it("formats UTC date-times", () => {
    expect(formatUtc(new Date("2026-03-02T10:05:09.123Z"))).toBe("20260302T100509Z");
  });

  it("round-trips through ical.js, including escaped and folded text", () => {
    const summary = "Notify authority; DE, FR \\ and a very long line ".repeat(3).trim();
    const text = buildCalendar({ name: "Deadlines", prodId: "-//test//EN", now: new Date("2026-01-01T00:00:00Z"), events: [{ uid: "obligation-1@test", start: new Date("2026-03-02T10:00:00Z"), summary, url: "https://app.example/breaches/x" }] });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
    const comp = new ICAL.Component(ICAL.parse(text));
    const [ev] = comp.getAllSubcomponents("vevent");
    const e = new ICAL.Event(ev);
    expect(e.summary).toBe(summary);
    expect(e.uid).toBe("obligation-1@test");
    expect(e.startDate.toJSDate().toISOString()).toBe("2026-03-02T10:00:00.000Z");
    expect(ev!.getFirstPropertyValue("url")).toBe("https://app.example/breaches/x");
  });
});
