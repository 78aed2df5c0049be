import "server-only";
import { log } from "@/lib/server/log";
import { AppError, zodDetails } from "@/lib/errors";
import { dayOf, downsample, rangeStart, seededHistory, type SeriesPoint } from "@/lib/posture/history";
import { countByStatus, postureScores, type PostureScores } from "@/lib/posture/score";
import { postureQuerySchema } from "@/lib/validation/posture";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { runExclusive } from "@/lib/server/jobs/lease";
import { CONTROL_SELECT, toControlDto } from "./control-dto";
import { runControlTests } from "./run-control-tests";

export const SNAPSHOT_JOB = "posture.daily-snapshot";
const JOB_ACTOR: Actor = { kind: "system", label: "posture.snapshot-job" };

/**
 * Runs the automated tests, then records today's scores and key counts (one row per UTC
 * day: a second snapshot the same day replaces the measured values of the first).
 */
export async function takeSnapshot(actor: Actor, now = new Date()) {
  await requirePermission(actor, "posture:write");
  await runControlTests(actor);
  return db().$transaction(async (tx) => {
    const rows = await tx.control.findMany({ where: { archivedAt: null }, select: CONTROL_SELECT });
    const controls = rows.map((r) => toControlDto(r, now));
    const scores = postureScores(controls);
    const counts = { ...countByStatus(controls), failingTests: controls.filter((c) => c.test?.status === "fail").length, overdueReviews: controls.filter((c) => c.overdue).length, controls: controls.length };
    const day = dayOf(now);
    const data = { takenAt: now, ...scores, counts: JSON.stringify(counts), seeded: false };
    await tx.postureSnapshot.upsert({ where: { day }, create: { day, ...data }, update: data });
    await appendAudit(tx, actor, { action: "posture.snapshot", entityType: "PostureSnapshot", entityId: day, diff: { ...scores, failingTests: counts.failingTests, overdueReviews: counts.overdueReviews } });
    return { day, scores, counts };
  });
}

/**
 * The daily job. Safe with several app instances: the lease picks one, and the day's
 * measured row is checked under the lease so the work is done once a day.
 */
export async function runDailySnapshotJob(now = new Date()) {
  const day = dayOf(now);
  const existing = await db().postureSnapshot.findUnique({ where: { day }, select: { seeded: true } });
  if (existing && !existing.seeded) return { ran: false as const, reason: "already taken today" };
  const r = await runExclusive(SNAPSHOT_JOB, 10 * 60_000, async () => {
    const again = await db().postureSnapshot.findUnique({ where: { day }, select: { seeded: true } });
    if (again && !again.seeded) return null;
    return takeSnapshot(JOB_ACTOR, now);
  }, now);
  if (!r) return { ran: false as const, reason: "another instance holds the lease" };
  return r.result ? { ran: true as const, snapshot: r.result } : { ran: false as const, reason: "already taken today" };
}

/**
 * Demo backfill: a year of history before today from the deterministic model in
 * lib/posture/history.ts, converging on today's measured scores, every row marked seeded.
 * Never overwrites a day that already has a row.
 */
export async function backfillSeededHistory(actor: Actor, now = new Date(), days = 365) {
  await requirePermission(actor, "posture:write");
  const today = dayOf(now);
  let todays = await db().postureSnapshot.findUnique({ where: { day: today } });
  if (!todays || todays.seeded) {
    await takeSnapshot(actor, now);
    todays = await db().postureSnapshot.findUnique({ where: { day: today } });
  }
  const target = { overall: todays!.overall, inventory: todays!.inventory, consent: todays!.consent, breaches: todays!.breaches, oversight: todays!.oversight, security: todays!.security };
  const history = seededHistory(today, target, days);
  return db().$transaction(async (tx) => {
    const existing = new Set((await tx.postureSnapshot.findMany({ where: { day: { gte: history[0]!.day, lt: today } }, select: { day: true } })).map((r) => r.day));
    const fresh = history.filter((p) => !existing.has(p.day));
    if (fresh.length) {
      await tx.postureSnapshot.createMany({
        data: fresh.map((p) => ({
          day: p.day,
          takenAt: new Date(`${p.day}T06:00:00.000Z`),
          overall: p.overall, inventory: p.inventory, consent: p.consent, breaches: p.breaches, oversight: p.oversight, security: p.security,
          counts: JSON.stringify({ seeded: true }),
          seeded: true,
        })),
      });
    }
    await appendAudit(tx, actor, { action: "posture.backfill", entityType: "PostureSnapshot", diff: { days: fresh.length, from: fresh[0]?.day ?? null, to: fresh.at(-1)?.day ?? null, seeded: true } });
    return { inserted: fresh.length };
  });
}

/** The snapshot series for charts and the API: by range or from/to, at most 1000 points. */
export async function postureSeries(actor: Actor, input: unknown, now = new Date()) {
  await requirePermission(actor, "posture:read");
  const parsed = postureQuerySchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid query parameters.", zodDetails(parsed.error.issues));
  const q = parsed.data;
  const from = q.from ?? (q.range ? rangeStart(q.range, dayOf(now)) : null);
  const to = q.to ?? null;
  if (from && to && from > to) throw new AppError("VALIDATION", "from must not be after to.", [{ path: "from", message: "must not be after to" }]);
  const rows = await db().postureSnapshot.findMany({
    where: { day: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } },
    orderBy: { day: "asc" },
    select: { day: true, seeded: true, overall: true, inventory: true, consent: true, breaches: true, oversight: true, security: true, counts: true },
  });
  const points: SeriesPoint[] = downsample(rows.map(({ counts: _c, ...p }) => p));
  type Point = { day: string; seeded: boolean } & Partial<PostureScores>;
  const latest = rows.at(-1);
  return {
    from: from ?? rows[0]?.day ?? null,
    to: to ?? latest?.day ?? null,
    area: q.area ?? null,
    points: (q.area ? points.map((p) => ({ day: p.day, seeded: p.seeded, [q.area!]: p[q.area!] })) : points) as Point[],
    latestCounts: latest && !latest.seeded ? (JSON.parse(latest.counts) as Record<string, number>) : null,
  };
}

/**
 * The trigger: pages that show posture call this; the first view of a UTC day runs the
 * job (the lease keeps it to one instance), later views read the stored row. Failures
 * are logged and never break the page.
 */
export async function ensureDailySnapshot(now = new Date()) {
  try {
    return await runDailySnapshotJob(now);
  } catch (e) {
    log().error({ job: "posture.daily-snapshot", err: e }, "posture snapshot job failed");
    return { ran: false as const, reason: "error" };
  }
}
