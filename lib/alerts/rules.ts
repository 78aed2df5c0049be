// Anomaly rules over the audit log: pure evaluation, no DB (docs/decisions/008).
// Windows are fixed buckets aligned to the epoch, so the same burst always lands in the
// same window and yields the same dedupe key however often (or on however many
// instances) the rules run; the alerts table's unique key then keeps one alert.
import { parseIpv4, parseIpv6 } from "@/lib/net/ssrf";

export type AuditLite = {
  id: number;
  seq: number | null;
  at: Date;
  action: string;
  actorType: string;
  actorId: string | null;
  entityId: string | null;
  ip: string | null;
};

export type AlertThresholds = {
  failedSigninsPerAccount: number;
  failedSigninsPerIp: number;
  failedSigninsWindowMinutes: number;
  exportFactor: number;
  exportMinimum: number;
  unusualHourMinHistory: number;
  permissionDeniedPerActor: number;
  permissionDeniedWindowMinutes: number;
};

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  failedSigninsPerAccount: 10,
  failedSigninsPerIp: 20,
  failedSigninsWindowMinutes: 15,
  exportFactor: 5,
  exportMinimum: 20,
  unusualHourMinHistory: 20,
  permissionDeniedPerActor: 20,
  permissionDeniedWindowMinutes: 5,
};

/** What the rules know of the past (computed by the server from older audit events). */
export type Baselines = {
  /** Exports per day per user over the baseline period (mean). */
  exportDailyMean: Map<string, number>;
  /** Per user, sign-ins per UTC hour of day (24 counts) over the baseline period. */
  signinHours: Map<string, number[]>;
  /** Per API key, the networks it was used from before (see networkOf). */
  keyNetworks: Map<string, Set<string>>;
};

export type AlertCandidate = {
  dedupeKey: string;
  rule: string;
  severity: "low" | "medium" | "high";
  subjectType: "user" | "api_key" | "ip";
  subjectId: string;
  windowStart: Date;
  windowEnd: Date;
  summary: string;
  evidence: { ids: number[]; seqs: number[]; count: number; [k: string]: unknown };
};

const MAX_EVIDENCE = 50;
const DAY = 86_400_000;

export const FAILED_SIGNIN_ACTIONS = ["auth.signin.failed", "auth.signin.rate_limited"];
export const isExport = (action: string) => /(^|\.)export(ed)?($|\.)/.test(action);

/** The /24 of an IPv4 address or the /48 of an IPv6 one; null for anything else. */
export function networkOf(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = parseIpv4(ip.replace(/^::ffff:/i, ""));
  if (v4) return `${v4.slice(0, 3).join(".")}.0/24`;
  const v6 = parseIpv6(ip);
  if (v6) return `${v6.slice(0, 3).map((w) => w.toString(16)).join(":")}::/48`;
  return null;
}

function bucketOf(at: Date, windowMs: number) {
  const start = Math.floor(at.getTime() / windowMs) * windowMs;
  return { start: new Date(start), end: new Date(start + windowMs) };
}

function evidenceOf(events: AuditLite[]) {
  const shown = events.slice(0, MAX_EVIDENCE);
  return { ids: shown.map((e) => e.id), seqs: shown.flatMap((e) => (e.seq == null ? [] : [e.seq])), count: events.length };
}

/** Groups events by (key, window bucket). */
function groupByWindow(events: AuditLite[], windowMs: number, keyOf: (e: AuditLite) => string | null) {
  const groups = new Map<string, { key: string; start: Date; end: Date; events: AuditLite[] }>();
  for (const e of events) {
    const key = keyOf(e);
    if (!key) continue;
    const b = bucketOf(e.at, windowMs);
    const id = `${key}|${b.start.toISOString()}`;
    const g = groups.get(id) ?? { key, ...b, events: [] };
    g.events.push(e);
    groups.set(id, g);
  }
  return [...groups.values()];
}

function countRule(rule: string, severity: AlertCandidate["severity"], subjectType: AlertCandidate["subjectType"], events: AuditLite[], windowMs: number, threshold: number, keyOf: (e: AuditLite) => string | null, describe: (n: number, minutes: number) => string): AlertCandidate[] {
  return groupByWindow(events, windowMs, keyOf)
    .filter((g) => g.events.length >= threshold)
    .map((g) => ({
      dedupeKey: `${rule}:${g.key}:${g.start.toISOString()}`,
      rule,
      severity,
      subjectType,
      subjectId: g.key,
      windowStart: g.start,
      windowEnd: g.end,
      summary: describe(g.events.length, windowMs / 60_000),
      evidence: evidenceOf(g.events),
    }));
}

export function evaluateRules(recent: AuditLite[], baselines: Baselines, t: AlertThresholds): AlertCandidate[] {
  const failed = recent.filter((e) => FAILED_SIGNIN_ACTIONS.includes(e.action));
  const signinWindow = t.failedSigninsWindowMinutes * 60_000;
  const denyWindow = t.permissionDeniedWindowMinutes * 60_000;
  return [
    // Unknown emails have no entityId: they are covered by the per-IP rule (the email itself is personal data).
    ...countRule("failed_signins_account", "high", "user", failed, signinWindow, t.failedSigninsPerAccount, (e) => e.entityId, (n, m) => `${n} failed sign-ins for one account within ${m} minutes`),
    ...countRule("failed_signins_ip", "high", "ip", failed, signinWindow, t.failedSigninsPerIp, (e) => e.ip, (n, m) => `${n} failed sign-ins from one address within ${m} minutes`),
    ...countRule("permission_denied_storm", "medium", "user", recent.filter((e) => e.action === "permission.denied"), denyWindow, t.permissionDeniedPerActor, (e) => (e.actorId ? `${e.actorType}:${e.actorId}` : e.ip ? `ip:${e.ip}` : null), (n, m) => `${n} permission denials for one actor within ${m} minutes`),
    ...exportVolume(recent, baselines, t),
    ...unusualHours(recent, baselines, t),
    ...newKeyNetworks(recent, baselines),
  ];
}

function exportVolume(recent: AuditLite[], b: Baselines, t: AlertThresholds): AlertCandidate[] {
  const exports = recent.filter((e) => e.actorType === "user" && isExport(e.action));
  return groupByWindow(exports, DAY, (e) => e.actorId).flatMap((g) => {
    const mean = b.exportDailyMean.get(g.key) ?? 0;
    const limit = Math.max(t.exportMinimum, t.exportFactor * mean);
    if (g.events.length < limit) return [];
    return [{ dedupeKey: `export_volume:${g.key}:${g.start.toISOString()}`, rule: "export_volume", severity: "medium" as const, subjectType: "user" as const, subjectId: g.key, windowStart: g.start, windowEnd: g.end, summary: `${g.events.length} exports today; this user's daily mean is ${mean.toFixed(1)}`, evidence: { ...evidenceOf(g.events), dailyMean: mean } }];
  });
}

/** A sign-in at an hour (±1) at which the user has never signed in, once they have enough history. */
function unusualHours(recent: AuditLite[], b: Baselines, t: AlertThresholds): AlertCandidate[] {
  const signins = recent.filter((e) => e.action === "auth.signin" && e.entityId);
  return groupByWindow(signins, 3_600_000, (e) => e.entityId).flatMap((g) => {
    const hours = b.signinHours.get(g.key);
    const total = hours?.reduce((a, n) => a + n, 0) ?? 0;
    if (!hours || total < t.unusualHourMinHistory) return [];
    const h = g.start.getUTCHours();
    if (hours[(h + 23) % 24]! + hours[h]! + hours[(h + 1) % 24]! > 0) return [];
    return [{ dedupeKey: `unusual_hour:${g.key}:${g.start.toISOString()}`, rule: "unusual_hour", severity: "low" as const, subjectType: "user" as const, subjectId: g.key, windowStart: g.start, windowEnd: g.end, summary: `Sign-in at ${String(h).padStart(2, "0")}:00 UTC, an hour this user has not signed in at in ${total} earlier sign-ins`, evidence: { ...evidenceOf(g.events), hourUtc: h, history: total } }];
  });
}

/** An API key seen from a network (/24, /48) it was never used from; one alert per key and network. */
function newKeyNetworks(recent: AuditLite[], b: Baselines): AlertCandidate[] {
  const byKeyNet = new Map<string, { keyId: string; net: string; events: AuditLite[] }>();
  for (const e of recent) {
    const net = e.actorType === "api_key" && e.actorId ? networkOf(e.ip) : null;
    if (!net) continue;
    const known = b.keyNetworks.get(e.actorId!);
    // A key with no history at all is new, not anomalous.
    if (!known || known.size === 0 || known.has(net)) continue;
    const id = `${e.actorId}|${net}`;
    const g = byKeyNet.get(id) ?? { keyId: e.actorId!, net, events: [] };
    g.events.push(e);
    byKeyNet.set(id, g);
  }
  return [...byKeyNet.values()].map((g) => ({
    dedupeKey: `api_key_new_network:${g.keyId}:${g.net}`,
    rule: "api_key_new_network",
    severity: "medium" as const,
    subjectType: "api_key" as const,
    subjectId: g.keyId,
    windowStart: g.events[0]!.at,
    windowEnd: g.events[g.events.length - 1]!.at,
    summary: `API key used from a new network ${g.net}`,
    evidence: { ...evidenceOf(g.events), network: g.net },
  }));
}
