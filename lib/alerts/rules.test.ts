import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, evaluateRules, networkOf, type AuditLite, type Baselines } from "@/lib/alerts/rules";

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
let nextId = 1;
const ev = (over: Partial<AuditLite> & { minute?: number }): AuditLite => ({ id: nextId++, seq: null, at: new Date(T0 + (over.minute ?? 0) * 60_000), action: "x", actorType: "user", actorId: "u1", entityId: null, ip: "198.51.100.7", ...over });
const empty = (): Baselines => ({ exportDailyMean: new Map(), signinHours: new Map(), keyNetworks: new Map() });
const rules = (events: AuditLite[], b = empty()) => evaluateRules(events, b, DEFAULT_THRESHOLDS).map((a) => a.rule);
const times = (n: number, f: (i: number) => AuditLite) => Array.from({ length: n }, (_, i) => f(i));

describe("anomaly rules", () => {
  it.each([
    ["9 failed sign-ins for one account: nothing", times(9, (i) => ev({ action: "auth.signin.failed", actorType: "anonymous", actorId: null, entityId: "acct", ip: `203.0.113.${i}` })), []],
    ["10 failed sign-ins for one account: one alert", times(10, (i) => ev({ action: "auth.signin.failed", actorType: "anonymous", actorId: null, entityId: "acct", ip: `203.0.113.${i}` })), ["failed_signins_account"]],
    ["20 failures from one IP over many emails", times(20, () => ev({ action: "auth.signin.failed", actorType: "anonymous", actorId: null })), ["failed_signins_ip"]],
    ["10 failures spread over two windows: nothing", times(10, (i) => ev({ action: "auth.signin.failed", entityId: "acct", ip: `203.0.113.${i}`, minute: i < 5 ? 1 : 16 })), []],
    ["20 permission denials", times(20, () => ev({ action: "permission.denied" })), ["permission_denied_storm"]],
    ["19 permission denials", times(19, () => ev({ action: "permission.denied" })), []],
    ["20 exports by a user with no history", times(20, () => ev({ action: "incident.export" })), ["export_volume"]],
  ])("%s", (_name, events, expected) => {
    expect(rules(events)).toEqual(expected);
  });

  it("export volume is compared with the user's own norm", () => {
    const b = empty();
    b.exportDailyMean.set("u1", 10);
    expect(rules(times(30, () => ev({ action: "incident.export" })), b)).toEqual([]);
    expect(rules(times(50, () => ev({ action: "incident.export" })), b)).toEqual(["export_volume"]);
  });

  it("unusual hour: only with enough history and only at an hour never used (±1)", () => {
    const b = empty();
    const hours = Array(24).fill(0);
    hours[9] = 25; // always signs in around 09:00 UTC
    b.signinHours.set("u1", hours);
    expect(rules([ev({ action: "auth.signin", entityId: "u1" })], b)).toEqual([]); // 10:00 is next to 09:00
    expect(rules([ev({ action: "auth.signin", entityId: "u1", minute: 60 * 13 })], b)).toEqual(["unusual_hour"]); // 23:00
    hours[9] = 5;
    expect(rules([ev({ action: "auth.signin", entityId: "u1", minute: 60 * 13 })], b)).toEqual([]);
  });

  it("an API key from a new /24 raises once per key and network", () => {
    const b = empty();
    b.keyNetworks.set("k1", new Set(["198.51.100.0/24"]));
    const key = (ip: string) => ev({ actorType: "api_key", actorId: "k1", ip });
    expect(rules([key("198.51.100.99")], b)).toEqual([]);
    const a = evaluateRules([key("192.0.2.1"), key("192.0.2.2")], b, DEFAULT_THRESHOLDS);
    expect(a.map((x) => [x.rule, x.dedupeKey, x.evidence.count])).toEqual([["api_key_new_network", "api_key_new_network:k1:192.0.2.0/24", 2]]);
    expect(rules([key("192.0.2.1")], empty())).toEqual([]); // no history: a new key is not an anomaly
  });

  it("the same burst gives the same dedupe key on every evaluation", () => {
    const burst = times(12, (i) => ev({ action: "auth.signin.failed", entityId: "acct", minute: i % 14 }));
    const a = evaluateRules(burst, empty(), DEFAULT_THRESHOLDS).map((x) => x.dedupeKey);
    const b = evaluateRules(burst.slice().reverse(), empty(), DEFAULT_THRESHOLDS).map((x) => x.dedupeKey);
    expect(a).toEqual(b);
    expect(a).toEqual(["failed_signins_account:acct:2026-01-05T10:00:00.000Z"]);
  });

  it.each([
    ["198.51.100.7", "198.51.100.0/24"],
    ["::ffff:10.1.2.3", "10.1.2.0/24"],
    ["2001:db8:abcd:12::1", "2001:db8:abcd::/48"],
    ["not-an-ip", null],
    [null, null],
  ])("networkOf(%s) = %s", (ip, net) => {
    expect(networkOf(ip)).toBe(net);
  });
});
