import "server-only";
// Email caused by a write, enqueued in that write's transaction (docs/decisions/600).
import type { NotificationKind } from "@/lib/notifications/kinds";
import type { Tx } from "@/lib/server/db";
import { simpleMail } from "@/lib/server/notifications/compose";
import { emailEnabled } from "@/lib/server/notifications/mailer";
import { enqueueMail } from "@/lib/server/notifications/outbox";
import { OFFICERS, usersWithRoles, wanting, type Recipient } from "@/lib/server/notifications/recipients";

async function enqueueAll(tx: Tx, kind: NotificationKind, recipients: Recipient[], content: ReturnType<typeof simpleMail>) {
  let n = 0;
  for (const r of await wanting(tx, recipients, kind)) if (await enqueueMail(tx, { userId: r.userId, to: r.email, kind, content })) n++;
  return n;
}

/** A decision was escalated to a role (by hand or by the SLA job): mail that role's people. */
export async function notifyDecisionEscalated(tx: Tx, decisionId: string, toRole: string) {
  if (!emailEnabled()) return 0;
  const d = await tx.oversightDecision.findUnique({ where: { id: decisionId }, select: { decisionType: true, dueAt: true, aiSystemId: true } });
  if (!d) return 0;
  const system = await tx.aiSystem.findUnique({ where: { id: d.aiSystemId }, select: { name: true } });
  const title = `${d.decisionType} decision from ${system?.name ?? "an AI system"} (${decisionId.slice(-8)})`;
  const lines = [{ label: "Record", value: title }, ...(d.dueAt ? [{ label: "Review by", value: `${d.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC` }] : [])];
  const content = simpleMail("decision_escalated", title, "A decision was escalated to you for human review.", lines, `/oversight/decisions/${decisionId}`);
  return enqueueAll(tx, "decision_escalated", await usersWithRoles(tx, [toRole]), content);
}

/**
 * A reviewer asked for information on a decision: mail the AI system's owner. The owner is
 * free text on the system; it reaches a person when it is the email of an active user,
 * otherwise the person who registered the system is asked. Nobody found: no email.
 */
export async function notifyInfoRequested(tx: Tx, decisionId: string) {
  if (!emailEnabled()) return 0;
  const d = await tx.oversightDecision.findUnique({ where: { id: decisionId }, select: { decisionType: true, dueAt: true, aiSystemId: true } });
  const system = d ? await tx.aiSystem.findUnique({ where: { id: d.aiSystemId }, select: { name: true, owner: true, createdById: true } }) : null;
  if (!d || !system) return 0;
  const owner = system.owner?.includes("@") ? await tx.user.findFirst({ where: { email: system.owner.trim().toLowerCase(), disabledAt: null }, select: { id: true, email: true, name: true } }) : null;
  const creator = !owner && system.createdById ? await tx.user.findFirst({ where: { id: system.createdById, disabledAt: null }, select: { id: true, email: true, name: true } }) : null;
  const who = owner ?? creator;
  if (!who) return 0;
  const title = `${d.decisionType} decision from ${system.name} (${decisionId.slice(-8)})`;
  const lines = [{ label: "Record", value: title }, ...(d.dueAt ? [{ label: "Review due", value: `${d.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC` }] : [])];
  const content = simpleMail("decision_info_requested", title, "A reviewer needs more information before deciding. The question is on the decision's page.", lines, `/oversight/decisions/${decisionId}`);
  return enqueueAll(tx, "decision_info_requested", [{ userId: who.id, email: who.email, name: who.name }], content);
}

/** Called by the monitoring code when it raises an alert: mail admins and compliance officers. */
export async function notifyAlertRaised(tx: Tx, alert: { id: string; title: string; severity: string }) {
  if (!emailEnabled()) return 0;
  const content = simpleMail("alert_raised", alert.title, "A monitoring alert was raised.", [{ label: "Alert", value: alert.title }, { label: "Severity", value: alert.severity }], `/alerts?alert=${encodeURIComponent(alert.id)}`);
  return enqueueAll(tx, "alert_raised", await usersWithRoles(tx, OFFICERS), content);
}
