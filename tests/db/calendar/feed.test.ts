import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/calendar/[file]/route";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { regenerateCalendarToken, revokeCalendarToken } from "@/lib/server/calendar/tokens";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";
import { codeOf, makeSystem, submit, systemKey } from "../oversight/helpers";

async function fetchFeed(url: string) {
  const file = new URL(url).pathname.split("/").pop()!;
  return GET(new Request(url), { params: Promise.resolve({ file }) });
}

// iCalendar DATE-TIME has whole seconds.
const toSecond = (d: string | Date) => new Date(Math.floor(new Date(d).getTime() / 1000) * 1000).toISOString();

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents("vevent").map((v) => ({ v, e: new ICAL.Event(v) }));
}

describe("calendar feed", () => {
  it("an officer's feed has the open obligation deadlines (stable UID, UTC start, URL, no subject data); control reviews too", async () => {
    const officer = await actorFor("compliance_officer");
    const incident = await createIncident(officer, { title: "Mailbox of Max Mustermann exposed", discoveredAt: new Date(Date.now() - 3_600_000).toISOString(), affected: [{ jurisdiction: "DE", count: 40 }] });
    const control = await db().control.findFirst({ select: { id: true } });
    if (control) await db().control.update({ where: { id: control.id }, data: { nextReviewAt: new Date(Date.now() + 7 * 86_400_000) } });
    const { url } = await regenerateCalendarToken(officer);
    expect(url).toMatch(/\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
    // Only the hash is stored.
    const row = await db().calendarToken.findUniqueOrThrow({ where: { userId: officer.userId } });
    expect(url).not.toContain(row.tokenHash);

    const res = await fetchFeed(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const text = await res.text();
    expect(text).not.toContain("Mustermann");
    const events = parse(text);
    const dated = incident.obligations.filter((o) => o.dueAt && o.status === "open");
    expect(dated.length).toBeGreaterThan(0);
    for (const o of dated) {
      const hit = events.find((x) => x.e.uid === `obligation-${o.id}@oversight-dashboard`);
      expect(hit, o.key).toBeDefined();
      expect(hit!.e.startDate.toJSDate().toISOString()).toBe(toSecond(o.dueAt!));
      expect(hit!.e.startDate.zone.tzid).toBe("UTC");
      expect(hit!.e.summary).toContain(incident.reference);
      expect(String(hit!.v.getFirstPropertyValue("url"))).toMatch(new RegExp(`/breaches/${incident.id}$`));
      expect(hit!.v.getFirstPropertyValue("dtstamp")).toBeTruthy();
    }
    if (control) expect(events.some((x) => x.e.uid === `control-review-${control.id}@oversight-dashboard`)).toBe(true);
    // Stable UIDs: a second fetch names the same events.
    const again = parse(await (await fetchFeed(url)).text()).map((x) => x.e.uid);
    expect(again).toEqual(events.map((x) => x.e.uid));
    // A reviewer does not get breach deadlines (no breach:read).
    const reviewer = await actorFor("reviewer");
    const rv = parse(await (await fetchFeed((await regenerateCalendarToken(reviewer)).url)).text());
    expect(rv.some((x) => x.e.uid.startsWith("obligation-"))).toBe(false);
  });

  it("a reviewer's feed has the SLAs of decisions they may review", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", slaHours: 24 }] });
    const d = await submit(await systemKey(system.id));
    const reviewer = await actorFor("reviewer");
    const events = parse(await (await fetchFeed((await regenerateCalendarToken(reviewer)).url)).text());
    const hit = events.find((x) => x.e.uid === `decision-sla-${d.id}@oversight-dashboard`);
    expect(hit).toBeDefined();
    expect(hit!.e.startDate.toJSDate().toISOString()).toBe(toSecond(d.dueAt!));
    expect(hit!.e.summary).not.toContain("customer-4711");
  });

  it("revoked or replaced tokens answer 404; revoke and regenerate are audited", async () => {
    const officer = await actorFor("compliance_officer");
    const first = await regenerateCalendarToken(officer);
    const second = await regenerateCalendarToken(officer);
    expect((await fetchFeed(first.url)).status).toBe(404);
    expect((await fetchFeed(second.url)).status).toBe(200);
    await revokeCalendarToken(officer);
    expect((await fetchFeed(second.url)).status).toBe(404);
    expect(await codeOf(revokeCalendarToken(officer))).toBe("NOT_FOUND");
    expect((await fetchFeed("http://localhost/calendar/nonsense.ics")).status).toBe(404);
    const actions = (await db().auditEvent.findMany({ where: { entityType: "CalendarToken", entityId: officer.userId }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["calendar.token.create", "calendar.token.regenerate", "calendar.token.revoke"]);
  });
});
