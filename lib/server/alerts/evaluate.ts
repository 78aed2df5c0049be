import "server-only";
// The alerts job: reads the recent audit log and the baselines the rules need, runs the
// pure rules (lib/alerts/rules.ts) and raises what they find. Runs every minute under a
// lease (lib/server/jobs/all-jobs.ts); dedupe keys make re-runs raise nothing new.
import { createHash } from "node:crypto";
import { DEFAULT_THRESHOLDS, evaluateRules, FAILED_SIGNIN_ACTIONS, isExport, networkOf, type AlertThresholds, type AuditLite, type Baselines } from "@/lib/alerts/rules";
import { isUniqueViolation } from "@/lib/errors";
import { raiseAlert } from "@/lib/server/alerts/raise-alert";
import { db } from "@/lib/server/db";
import { getSetting, type SettingKey } from "@/lib/server/settings/settings";

const DAY = 86_400_000;
const BASELINE_DAYS = 30;
/** API key use is read as (key, address) pairs this far back; older pairs are the baseline. */
const KEY_LOOKBACK_MS = 10 * 60_000;
const select = { id: true, seq: true, at: true, action: true, actorType: true, actorId: true, entityId: true, ip: true } as const;

export async function alertThresholds(): Promise<AlertThresholds> {
  const out = { ...DEFAULT_THRESHOLDS };
  for (const name of Object.keys(DEFAULT_THRESHOLDS) as (keyof AlertThresholds)[]) out[name] = (await getSetting(`alerts.${name}` as SettingKey)) as number;
  return out;
}

async function recentEvents(now: Date, t: AlertThresholds): Promise<AuditLite[]> {
  const windowMs = 2 * Math.max(t.failedSigninsWindowMinutes, t.permissionDeniedWindowMinutes, 60) * 60_000;
  const dayStart = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const [counted, exports, keyUse] = await Promise.all([
    db().auditEvent.findMany({ where: { at: { gte: new Date(now.getTime() - windowMs) }, action: { in: [...FAILED_SIGNIN_ACTIONS, "permission.denied", "auth.signin"] } }, select: { ...select, diff: true }, orderBy: { id: "asc" }, take: 20_000 }),
    db().auditEvent.findMany({ where: { at: { gte: dayStart }, actorType: "user", action: { contains: "export" } }, select, orderBy: { id: "asc" }, take: 20_000 }),
    // One row per (key, address): consent ingest keys write many events, the rule needs the pairs.
    db().auditEvent.groupBy({ by: ["actorId", "ip"], where: { at: { gte: new Date(now.getTime() - KEY_LOOKBACK_MS) }, actorType: "api_key", ip: { not: null } }, _min: { id: true, at: true } }),
  ]);
  const keyRows: AuditLite[] = keyUse.map((g) => ({ id: g._min.id!, seq: null, at: g._min.at!, action: "api_key.use", actorType: "api_key", actorId: g.actorId, entityId: null, ip: g.ip }));
  return [...(await withAccounts(counted)), ...exports.filter((e) => isExport(e.action)), ...keyRows];
}

/**
 * Failed attempts that name no account (throttled, or an unknown email) carry the email in
 * their diff: map it to the account's id, or for an unknown email to a hash of it, so the
 * per-account rule counts every attempt and no alert ever holds an email.
 */
async function withAccounts(events: (AuditLite & { diff: string | null })[]): Promise<AuditLite[]> {
  const emailOf = (e: { diff: string | null }) => {
    try {
      const email = (JSON.parse(e.diff ?? "{}") as { email?: unknown }).email;
      return typeof email === "string" ? email : null;
    } catch {
      return null;
    }
  };
  const emails = [...new Set(events.filter((e) => !e.entityId && FAILED_SIGNIN_ACTIONS.includes(e.action)).flatMap((e) => emailOf(e) ?? []))];
  const users = emails.length ? await db().user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }) : [];
  const idByEmail = new Map(users.map((u) => [u.email, u.id]));
  return events.map(({ diff, ...e }) => {
    if (e.entityId || !FAILED_SIGNIN_ACTIONS.includes(e.action)) return e;
    const email = emailOf({ diff });
    if (!email) return e;
    return { ...e, entityId: idByEmail.get(email) ?? `unknown-email:${createHash("sha256").update(email).digest("hex").slice(0, 16)}` };
  });
}

async function baselines(now: Date, recent: AuditLite[]): Promise<Baselines> {
  const since = new Date(now.getTime() - BASELINE_DAYS * DAY);
  const dayStart = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const hourStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000);
  const signers = [...new Set(recent.filter((e) => e.action === "auth.signin" && e.entityId).map((e) => e.entityId!))];
  const keys = [...new Set(recent.filter((e) => e.actorType === "api_key" && e.actorId).map((e) => e.actorId!))];
  const exporters = [...new Set(recent.filter((e) => isExport(e.action) && e.actorId).map((e) => e.actorId!))];
  const [signins, keyNets, exportCounts] = await Promise.all([
    signers.length ? db().auditEvent.findMany({ where: { action: "auth.signin", entityId: { in: signers }, at: { gte: since, lt: hourStart } }, select: { entityId: true, at: true } }) : [],
    keys.length ? db().auditEvent.groupBy({ by: ["actorId", "ip"], where: { actorType: "api_key", actorId: { in: keys }, at: { gte: since, lt: new Date(now.getTime() - KEY_LOOKBACK_MS) } } }) : [],
    exporters.length ? db().auditEvent.findMany({ where: { actorType: "user", actorId: { in: exporters }, action: { contains: "export" }, at: { gte: since, lt: dayStart } }, select: { actorId: true, action: true } }) : [],
  ]);
  const b: Baselines = { exportDailyMean: new Map(), signinHours: new Map(), keyNetworks: new Map() };
  for (const s of signins) {
    const hours = b.signinHours.get(s.entityId!) ?? Array<number>(24).fill(0);
    hours[s.at.getUTCHours()]! += 1;
    b.signinHours.set(s.entityId!, hours);
  }
  for (const k of keyNets) {
    const net = networkOf(k.ip);
    if (!k.actorId || !net) continue;
    const set = b.keyNetworks.get(k.actorId) ?? new Set<string>();
    set.add(net);
    b.keyNetworks.set(k.actorId, set);
  }
  for (const e of exportCounts) if (isExport(e.action)) b.exportDailyMean.set(e.actorId!, (b.exportDailyMean.get(e.actorId!) ?? 0) + 1 / BASELINE_DAYS);
  return b;
}

/** One evaluation; returns how many alerts it raised. */
export async function evaluateAlerts(now = new Date()): Promise<{ raised: number }> {
  const t = await alertThresholds();
  const recent = await recentEvents(now, t);
  const candidates = evaluateRules(recent, await baselines(now, recent), t);
  let raised = 0;
  for (const c of candidates) {
    try {
      if (await db().$transaction((tx) => raiseAlert(tx, c))) raised++;
    } catch (e) {
      // Another instance raised it between our check and insert: already raised.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return { raised };
}
