import "server-only";
// Retention of consent evidence (user agent, IP hash). The events themselves stay: they
// are the proof. Removing evidence clears its content and dates the removal (removedAt). The job reports what is past each purpose's retention and, only when
// confirmed, removes it and leaves an audit event. Safe with several app instances: it
// runs under a database lease (lib/server/jobs/lease.ts).
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { runExclusive } from "@/lib/server/jobs/lease";

export const RETENTION_JOB = "consent.evidence-retention";
const DAY = 86_400_000;

export type RetentionLine = { purpose: string; retentionDays: number; cutoff: string; expired: number };
export type RetentionReport = { lines: RetentionLine[]; totalExpired: number; removed: number; confirmed: boolean; ranAt: string };

async function expiredByPurpose(now: Date): Promise<(RetentionLine & { purposeId: string })[]> {
  const purposes = await db().consentPurpose.findMany({ where: { evidenceRetentionDays: { not: null } }, select: { id: true, key: true, evidenceRetentionDays: true }, orderBy: { key: "asc" } });
  const lines = [];
  for (const p of purposes) {
    const cutoff = new Date(now.getTime() - p.evidenceRetentionDays! * DAY);
    const expired = await db().consentEvidence.count({ where: { purposeId: p.id, removedAt: null, receivedAt: { lt: cutoff } } });
    lines.push({ purposeId: p.id, purpose: p.key, retentionDays: p.evidenceRetentionDays!, cutoff: cutoff.toISOString(), expired });
  }
  return lines;
}

/** What is past retention now; reads only. */
export async function consentRetentionReport(actor: Actor, now = new Date()): Promise<RetentionReport> {
  await requirePermission(actor, "consent:read", { type: "ConsentEvidence" });
  const lines = (await expiredByPurpose(now)).map(({ purposeId: _, ...l }) => l);
  return { lines, totalExpired: lines.reduce((s, l) => s + l.expired, 0), removed: 0, confirmed: false, ranAt: now.toISOString() };
}

/**
 * Runs the retention job. Without `confirm` it only reports. With it, removes the evidence
 * past retention in one transaction with its audit event. Returns null when another
 * instance is running it.
 */
export async function runConsentRetention(actor: Actor, opts: { confirm: boolean; now?: Date }): Promise<RetentionReport | null> {
  await requirePermission(actor, opts.confirm ? "consent:write" : "consent:read", { type: "ConsentEvidence" });
  const now = opts.now ?? new Date();
  const ran = await runExclusive(
    RETENTION_JOB,
    10 * 60_000,
    async () => {
      const lines = await expiredByPurpose(now);
      const totalExpired = lines.reduce((s, l) => s + l.expired, 0);
      let removed = 0;
      if (opts.confirm && totalExpired > 0) {
        removed = await db().$transaction(async (tx) => {
          let n = 0;
          for (const l of lines) {
            if (!l.expired) continue;
            // The content goes; the row stays as the record that evidence existed and was
            // removed under the policy (shown as such in the history and the proof).
            n += (
              await tx.consentEvidence.updateMany({
                where: { purposeId: l.purposeId, removedAt: null, receivedAt: { lt: new Date(l.cutoff) } },
                data: { userAgent: null, ipHash: null, removedAt: now },
              })
            ).count;
          }
          await appendAudit(tx, actor, {
            action: "consent.evidence.purge",
            entityType: "ConsentEvidence",
            diff: { removed: n, byPurpose: Object.fromEntries(lines.filter((l) => l.expired).map((l) => [l.purpose, { retentionDays: l.retentionDays, cutoff: l.cutoff }])) },
          });
          return n;
        });
      }
      return { lines: lines.map(({ purposeId: _, ...l }) => l), totalExpired, removed, confirmed: opts.confirm, ranAt: now.toISOString() };
    },
    now,
  );
  if (!ran && opts.confirm) throw new AppError("CONFLICT", "The retention job is already running on another instance; try again in a few minutes.");
  return ran?.result ?? null;
}
