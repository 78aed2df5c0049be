// iCalendar (RFC 5545) writing for the calendar feed: TEXT escaping (3.3.11), UTC
// date-times (3.3.5, form #2), and line folding at 75 octets (3.1) without splitting a
// UTF-8 character. Pure.

export type IcsEvent = { uid: string; start: Date; summary: string; description?: string; url?: string; categories?: string };

/** TEXT value escaping: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** 20260302T100000Z */
export function formatUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Folds one content line into CRLF + space continuation lines of at most 75 octets each. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  // The first line holds 75 octets; a continuation's leading space counts, leaving 74.
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, "utf8");
    if (octets + n > limit) {
      out.push(current);
      current = "";
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function buildCalendar(opts: { name: string; prodId: string; events: readonly IcsEvent[]; now?: Date }): string {
  const stamp = formatUtc(opts.now ?? new Date());
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${opts.prodId}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(opts.name)}`];
  for (const e of opts.events) {
    lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${stamp}`, `DTSTART:${formatUtc(e.start)}`, `SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories) lines.push(`CATEGORIES:${escapeText(e.categories)}`);
    // URI values are not TEXT: not escaped, only folded.
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
