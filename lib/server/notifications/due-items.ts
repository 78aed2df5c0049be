import "server-only";
// What is due: the one scanner behind reminders, digests and (at merge) the webhook
// events obligation.due_soon / obligation.overdue. A pure read: no writes, no email.
// Each item has a stable key that includes its deadline, so a moved deadline is a new
// item (and a new reminder) while the same deadline is reminded once.
// Titles carry references, regimes, types and system names only, never a data subject's
// identifier or a decision's inputs or summary (docs/decisions/600).
import type { NotificationKind } from "@/lib/notifications/kinds";
import { db } from "@/lib/server/db";
import { OFFICERS, usersWithRoles, type Recipient } from "@/lib/server/notifications/recipients";
import { OBLIGATION_TO_SEND } from "@/lib/server/breaches/to-send";

export type DueItem = {
  key: string;
  kind: Extract<NotificationKind, "obligation_due_soon" | "obligation_overdue" | "decision_sla_soon" | "decision_sla_lapsed" | "control_review_due">;
  entityType: "BreachObligation" | "OversightDecision" | "Control";
  entityId: string;
  title: string;
  dueAt: Date;
  /** The record's page, relative to the app's origin. */
  path: string;
  recipients: Recipient[];
};

export type DueOptions = { now?: Date; obligationWindowMs?: number; slaWindowMs?: number; controlWindowMs?: number; lapsedLookbackMs?: number };

const OPEN_DECISION = ["pending_review", "escalated"];

export async function findDueItems({ now = new Date(), obligationWindowMs = 24 * 3_600_000, slaWindowMs = 2 * 3_600_000, controlWindowMs = 24 * 3_600_000, lapsedLookbackMs = 24 * 3_600_000 }: DueOptions = {}): Promise<DueItem[]> {
  const tx = db();
  const officers = await usersWithRoles(tx, OFFICERS);
  const byRole = new Map<string, Recipient[]>();
  const roleUsers = async (role: string) => {
    if (!byRole.has(role)) byRole.set(role, await usersWithRoles(tx, [role]));
    return byRole.get(role)!;
  };
  const items: DueItem[] = [];

  const obligations = await tx.breachObligation.findMany({
    where: { ...OBLIGATION_TO_SEND, dueAt: { not: null, lte: new Date(now.getTime() + obligationWindowMs) } },
    select: { id: true, incidentId: true, regime: true, recipient: true, dueAt: true, incident: { select: { reference: true } } },
    orderBy: { dueAt: "asc" },
    take: 1000,
  });
  for (const o of obligations) {
    const overdue = o.dueAt! <= now;
    items.push({
      key: `obligation:${o.id}:${o.dueAt!.toISOString()}`,
      kind: overdue ? "obligation_overdue" : "obligation_due_soon",
      entityType: "BreachObligation",
      entityId: o.id,
      title: `${o.incident.reference}: ${o.regime} notification to ${o.recipient}`,
      dueAt: o.dueAt!,
      path: `/breaches/${o.incidentId}`,
      recipients: officers,
    });
  }

  const decisions = await tx.oversightDecision.findMany({
    where: {
      OR: [
        { status: { in: OPEN_DECISION }, dueAt: { not: null, lte: new Date(now.getTime() + slaWindowMs) } },
        { slaBreachedAt: { gte: new Date(now.getTime() - lapsedLookbackMs), lte: now } },
      ],
    },
    select: { id: true, status: true, decisionType: true, dueAt: true, slaBreachedAt: true, escalateTo: true, allowAdminReview: true, aiSystemId: true },
    orderBy: { dueAt: "asc" },
    take: 1000,
  });
  const systems = new Map((await tx.aiSystem.findMany({ where: { id: { in: [...new Set(decisions.map((d) => d.aiSystemId))] } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  for (const d of decisions) {
    const title = `${d.decisionType} decision from ${systems.get(d.aiSystemId) ?? "an AI system"} (${d.id.slice(-8)})`;
    const path = `/oversight/decisions/${d.id}`;
    const open = OPEN_DECISION.includes(d.status);
    if (d.slaBreachedAt) {
      items.push({ key: `decision:${d.id}:lapsed:${d.slaBreachedAt.toISOString()}`, kind: "decision_sla_lapsed", entityType: "OversightDecision", entityId: d.id, title, dueAt: d.slaBreachedAt, path, recipients: officers });
    } else if (open && d.dueAt && d.dueAt <= now) {
      items.push({ key: `decision:${d.id}:lapsed:${d.dueAt.toISOString()}`, kind: "decision_sla_lapsed", entityType: "OversightDecision", entityId: d.id, title, dueAt: d.dueAt, path, recipients: officers });
    }
    if (open && d.dueAt && d.dueAt > now) {
      // Those who may act on it now: reviewers, or the role it was escalated to.
      const reviewers = d.status === "escalated" && d.escalateTo ? await roleUsers(d.escalateTo) : await roleUsers("reviewer");
      const extra = d.allowAdminReview ? officers : [];
      const recipients = [...new Map([...reviewers, ...extra].map((r) => [r.userId, r])).values()];
      items.push({ key: `decision:${d.id}:sla:${d.dueAt.toISOString()}`, kind: "decision_sla_soon", entityType: "OversightDecision", entityId: d.id, title, dueAt: d.dueAt, path, recipients });
    }
  }

  const controls = await tx.control.findMany({
    where: { nextReviewAt: { not: null, lte: new Date(now.getTime() + controlWindowMs) }, archivedAt: null },
    select: { id: true, title: true, nextReviewAt: true },
    orderBy: { nextReviewAt: "asc" },
    take: 1000,
  });
  for (const c of controls) {
    items.push({ key: `control:${c.id}:${c.nextReviewAt!.toISOString()}`, kind: "control_review_due", entityType: "Control", entityId: c.id, title: `${c.id}: ${c.title}`, dueAt: c.nextReviewAt!, path: `/posture/controls/${encodeURIComponent(c.id)}`, recipients: officers });
  }
  return items;
}
