import { describe, expect, it } from "vitest";
import { absoluteUrl, buildListMail, buildMail, escapeHtml, oneLine } from "./message";
import { digestDedupeKey, localDayAndHour, mailBackoffMs, reminderDedupeKey } from "./kinds";

describe("email bodies", () => {
  it("escapes HTML and keeps subjects on one line", () => {
    const m = buildMail({ subject: "Due\r\nBcc: x@evil", intro: "<script>x</script>", lines: [{ label: "Record", value: 'A & "B"' }], link: { url: "https://app.example/r?a=1&b=2", label: "Open" } });
    expect(m.subject).toBe("Due Bcc: x@evil");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("&lt;script&gt;");
    expect(m.html).toContain('href="https://app.example/r?a=1&amp;b=2"');
    expect(m.text).toContain("Open: https://app.example/r?a=1&b=2");
    expect(m.text).toContain('Record: A & "B"');
    expect(escapeHtml(`'`)).toBe("&#39;");
    expect(oneLine("x".repeat(300), 10)).toHaveLength(10);
  });

  it("makes absolute links from the app's origin", () => {
    expect(absoluteUrl("https://c.example.org", "/breaches/1")).toBe("https://c.example.org/breaches/1");
    expect(absoluteUrl("https://c.example.org/app/", "breaches/1")).toBe("https://c.example.org/app/breaches/1");
  });

  it("lists only non-empty sections in a digest", () => {
    const m = buildListMail({ subject: "Digest", intro: "Hi", sections: [{ title: "Empty", items: [] }, { title: "Due", items: [{ text: "INC-1", url: "https://a/b" }] }], link: { url: "https://a/", label: "Open" }, footer: "f" });
    expect(m.text).not.toContain("Empty");
    expect(m.html).toContain('<a href="https://a/b">INC-1</a>');
  });
});

describe("email rules", () => {
  it("backs off exponentially with a cap", () => {
    expect([1, 2, 3, 4].map((a) => mailBackoffMs(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(mailBackoffMs(40, 60_000)).toBe(6 * 3_600_000);
  });
  it("dedupes by person, kind and item; digests by person and day", () => {
    expect(reminderDedupeKey("u1", "obligation:o1:2026-01-01T00:00:00.000Z", "obligation_overdue")).not.toBe(reminderDedupeKey("u1", "obligation:o1:2026-01-01T00:00:00.000Z", "obligation_due_soon"));
    expect(digestDedupeKey("u1", "2026-01-01")).toBe("d:u1:2026-01-01");
  });
  it("finds the local day and hour in a zone", () => {
    expect(localDayAndHour(new Date("2026-01-01T23:30:00Z"), "Europe/Berlin")).toEqual({ day: "2026-01-02", hour: 0 });
    expect(localDayAndHour(new Date("2026-01-01T23:30:00Z"), "UTC")).toEqual({ day: "2026-01-01", hour: 23 });
  });
});
