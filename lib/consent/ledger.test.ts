import { describe, expect, it } from "vitest";
import { ACTION_STATUS, applyGpc, chainLinks, gpcHonoured, latestPerPair, pairKey, replacesState, validateEvents, type PurposeInfo } from "@/lib/consent/ledger";

const email: PurposeInfo = { id: "p-email", key: "marketing_email", saleOrShare: false, versions: new Set([1, 2]), currentVersion: 2 };
const ads: PurposeInfo = { id: "p-ads", key: "ad_sharing", saleOrShare: true, versions: new Set([1]), currentVersion: 1 };
const sale: PurposeInfo = { id: "p-sale", key: "data_sale", saleOrShare: true, versions: new Set(), currentVersion: null };
const purposes = new Map([email, ads, sale].map((p) => [p.key, p]));
const now = new Date("2026-11-27T12:00:00.000Z");
const ctx = { purposes, now, defaultSource: "api" as const, requestEvidence: { userAgent: "UA/1", ip: "198.51.100.4" } };

describe("validateEvents: a batch is valid whole or refused with every bad index named", () => {
  it("accepts a valid event and fills the defaults (current notice version, source, time)", () => {
    const r = validateEvents([{ subjectId: "a@x", purpose: "marketing_email", action: "grant" }], ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.events[0]).toMatchObject({ purposeId: "p-email", noticeVersion: 2, source: "api", occurredAt: now, gpc: false, userAgent: "UA/1", ip: "198.51.100.4" });
  });

  it.each([
    ["unknown purpose", { subjectId: "a", purpose: "nope", action: "grant" }, /unknown purpose 'nope'/],
    ["bad action", { subjectId: "a", purpose: "marketing_email", action: "maybe" }, /^action:/],
    ["malformed time", { subjectId: "a", purpose: "marketing_email", action: "grant", occurredAt: "yesterday" }, /^occurredAt:/],
    ["future time beyond the clock skew", { subjectId: "a", purpose: "marketing_email", action: "grant", occurredAt: "2026-11-27T12:06:00Z" }, /in the future/],
    ["unknown notice version", { subjectId: "a", purpose: "marketing_email", action: "grant", noticeVersion: 9 }, /no notice version 9/],
    ["empty subject", { subjectId: "", purpose: "marketing_email", action: "grant" }, /^subjectId:/],
    ["jurisdiction not ISO 3166", { subjectId: "a", purpose: "marketing_email", action: "grant", jurisdiction: "California" }, /ISO 3166/],
    ["unknown field", { subjectId: "a", purpose: "marketing_email", action: "grant", ocurredAt: "2026-01-01T00:00:00Z" }, /ocurredAt/],
    ["not an object", "grant", /object/],
  ])("refuses %s", (_, event, reason) => {
    const r = validateEvents([{ subjectId: "ok", purpose: "marketing_email", action: "grant" }, event], ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.index).toBe(1);
    expect(r.errors[0]!.reason).toMatch(reason);
  });

  it("accepts a time within the 5-minute clock skew and keeps milliseconds", () => {
    const r = validateEvents([{ subjectId: "a", purpose: "marketing_email", action: "grant", occurredAt: "2026-11-27T12:04:00.123+00:00" }], ctx);
    expect(r.ok && r.events[0]!.occurredAt.toISOString()).toBe("2026-11-27T12:04:00.123Z");
  });

  it("names every bad event, not only the first", () => {
    const r = validateEvents([{ subjectId: "a", purpose: "x", action: "grant" }, { subjectId: "a", purpose: "marketing_email", action: "grant" }, { subjectId: "a", purpose: "marketing_email", action: "nah" }], ctx);
    expect(!r.ok && r.errors.map((e) => e.index)).toEqual([0, 2]);
  });
});

describe("GPC: CCPA 1798.120/1798.135, regs 7025: a GPC signal opts out of every sale/sharing purpose", () => {
  const base = validateEvents([{ subjectId: "s1", purpose: "marketing_email", action: "grant" }], ctx);
  const events = base.ok ? base.events : [];

  it("an event with gpc adds an opt-out of each sale/sharing purpose, after the event", () => {
    const withGpc = events.map((e) => ({ ...e, gpc: true }));
    const out = applyGpc(withGpc, [ads, sale], false);
    expect(out.map((e) => [e.purposeKey, e.action, e.gpc, e.derivedFromGpc])).toEqual([
      ["marketing_email", "grant", true, false],
      ["ad_sharing", "opt_out", true, true],
      ["data_sale", "opt_out", true, true],
    ]);
  });

  it("the Sec-GPC: 1 request header does the same for every event of the request", () => {
    const out = applyGpc(events, [ads], true);
    expect(out).toHaveLength(2);
    expect(out.every((e) => e.gpc)).toBe(true);
  });

  it("no signal, no derived opt-out", () => {
    expect(applyGpc(events, [ads, sale], false)).toHaveLength(1);
  });

  it("a grant of a sale purpose with GPC is overridden by the opt-out recorded after it", () => {
    const g = validateEvents([{ subjectId: "s1", purpose: "ad_sharing", action: "grant", gpc: true }], ctx);
    const out = applyGpc(g.ok ? g.events : [], [ads], false);
    const latest = latestPerPair(out);
    expect(ACTION_STATUS[[...latest.values()][0]!.event.action]).toBe("opted_out");
  });

  it("does not duplicate an opt-out the client sent itself", () => {
    const g = validateEvents([{ subjectId: "s1", purpose: "ad_sharing", action: "opt_out", gpc: true }, { subjectId: "s1", purpose: "marketing_email", action: "grant", gpc: true }], ctx);
    const out = applyGpc(g.ok ? g.events : [], [ads], false);
    expect(out.filter((e) => e.purposeKey === "ad_sharing")).toHaveLength(1);
  });
});

describe("current state: the latest event by occurrence time (GDPR Art. 7(3) withdrawal as easy as consent)", () => {
  it.each([
    ["grant", "granted"],
    ["opt_in", "granted"],
    ["withdraw", "withdrawn"],
    ["opt_out", "opted_out"],
  ] as const)("%s sets %s", (action, status) => expect(ACTION_STATUS[action]).toBe(status));

  it("within a batch a later time wins, and a tie goes to the later position", () => {
    const r = validateEvents(
      [
        { subjectId: "a", purpose: "marketing_email", action: "grant", occurredAt: "2026-11-27T10:00:00Z" },
        { subjectId: "a", purpose: "marketing_email", action: "withdraw", occurredAt: "2026-11-27T09:00:00Z" },
        { subjectId: "a", purpose: "marketing_email", action: "opt_out", occurredAt: "2026-11-27T10:00:00Z" },
      ],
      ctx,
    );
    const latest = latestPerPair(r.ok ? r.events : []);
    expect([...latest.values()].map((c) => c.index)).toEqual([2]);
  });

  it.each([
    [null, "2026-01-01T00:00:00Z", true],
    ["2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", false],
    ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true],
    ["2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z", true],
  ])("state at %s replaced by an event at %s: %s", (existing, incoming, expected) => {
    expect(replacesState(existing ? new Date(existing) : null, new Date(incoming))).toBe(expected);
  });

  it("GPC honoured only for an opt-out carried by GPC", () => {
    expect(gpcHonoured("opted_out", true)).toBe(true);
    expect(gpcHonoured("opted_out", false)).toBe(false);
    expect(gpcHonoured("granted", true)).toBe(false);
  });
});

describe("history links (docs/decisions/203): each event names the one recorded before it for its pair", () => {
  const r = validateEvents(
    [
      { subjectId: "a", purpose: "marketing_email", action: "grant", occurredAt: "2026-11-27T10:00:00Z" },
      { subjectId: "b", purpose: "marketing_email", action: "grant" },
      { subjectId: "a", purpose: "ad_sharing", action: "opt_out" },
      // Older than the first: recorded after it, so linked after it (received order), even
      // though it does not change the state.
      { subjectId: "a", purpose: "marketing_email", action: "withdraw", occurredAt: "2026-11-27T09:00:00Z" },
    ],
    ctx,
  );
  const events = r.ok ? r.events : [];
  const ids = ["e0", "e1", "e2", "e3"];

  it("links in recording order, starting from the stored head of each pair", () => {
    const stored = new Map([[pairKey("a", "p-email"), "old-a-email"]]);
    const asked: string[] = [];
    const { prev, heads } = chainLinks(events, ids, (s, p) => (asked.push(pairKey(s, p)), stored.get(pairKey(s, p)) ?? null));
    expect(prev).toEqual(["old-a-email", null, null, "e0"]);
    expect(Object.fromEntries(heads)).toEqual({ [pairKey("a", "p-email")]: 3, [pairKey("b", "p-email")]: 1, [pairKey("a", "p-ads")]: 2 });
    expect(asked).toEqual([pairKey("a", "p-email"), pairKey("b", "p-email"), pairKey("a", "p-ads")]); // once per pair
  });

  it("a pair with no stored head starts its chain with null", () => {
    expect(chainLinks(events, ids, () => null).prev).toEqual([null, null, null, "e0"]);
  });
});
