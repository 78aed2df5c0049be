import "server-only";
// The one place an alert is raised. Notifications (email) and the alert.raised webhook are
// wired here, in the same transaction, so every rule gets them (docs/decisions/008).
import type { AlertCandidate } from "@/lib/alerts/rules";
import { SYSTEM_ALERTS } from "@/lib/server/alerts/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { notifyAlertRaised } from "@/lib/server/notifications/events";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/outbox";
import type { Tx } from "@/lib/server/db";

export type RaisedAlert = { id: string; rule: string; severity: string; subjectType: string; subjectId: string; windowStart: Date; windowEnd: Date; summary: string };

/**
 * Raises `alert` unless one with its dedupe key exists; returns the new alert or null.
 * Two instances racing on the same key: the loser's insert fails on the unique index and
 * its transaction rolls back (the caller treats that as "already raised").
 */
export async function raiseAlert(tx: Tx, alert: AlertCandidate): Promise<RaisedAlert | null> {
  const existing = await tx.alert.findUnique({ where: { dedupeKey: alert.dedupeKey }, select: { id: true } });
  if (existing) return null;
  const row = await tx.alert.create({
    data: { dedupeKey: alert.dedupeKey, rule: alert.rule, severity: alert.severity, subjectType: alert.subjectType, subjectId: alert.subjectId, windowStart: alert.windowStart, windowEnd: alert.windowEnd, summary: alert.summary, evidence: JSON.stringify(alert.evidence) },
    select: { id: true, rule: true, severity: true, subjectType: true, subjectId: true, windowStart: true, windowEnd: true, summary: true },
  });
  await appendAudit(tx, SYSTEM_ALERTS, { action: "alert.raised", entityType: "Alert", entityId: row.id, diff: { rule: row.rule, severity: row.severity, subjectType: row.subjectType, count: alert.evidence.count } });
  // Officers are told by email in the same transaction; the title names the rule, not the subject.
  await notifyAlertRaised(tx, { id: row.id, title: `Anomaly alert: ${row.rule}`, severity: row.severity });
  await enqueueWebhookEvent(tx, "alert.raised", { alertId: row.id, kind: row.rule, severity: row.severity, title: `Anomaly alert: ${row.rule}`, raisedAt: new Date().toISOString() });
  return row;
}
