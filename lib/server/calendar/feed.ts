import "server-only";
// The calendar feed of one person, found by the token's hash: their breach obligation
// deadlines, the SLAs of decisions they may review, and control review dates, each as
// what their role may read (lib/auth/permissions.ts). Summaries name records by
// reference, regime, type or control, never a data subject (an incident's title is free
// text and stays out).
import { roleHas, type Role } from "@/lib/auth/permissions";
import { buildCalendar, type IcsEvent } from "@/lib/calendar/ics";
import { obligationLabel } from "@/lib/breaches/reports";
import { db } from "@/lib/server/db";
import { appOrigin, hashCalendarToken } from "@/lib/server/calendar/tokens";

const MAX_PER_KIND = 500;
const PAST_DAYS = 30;
const UID_DOMAIN = "oversight-dashboard";

async function obligationEvents(origin: string, since: Date): Promise<IcsEvent[]> {
  const rows = await db().breachObligation.findMany({
    where: { status: "open", applies: true, dueAt: { gte: since } },
    orderBy: { dueAt: "asc" },
    take: MAX_PER_KIND,
    select: { id: true, regime: true, recipient: true, jurisdiction: true, dueAt: true, citation: true, incidentId: true, incident: { select: { reference: true } } },
  });
  return rows.map((o) => ({
    uid: `obligation-${o.id}@${UID_DOMAIN}`,
    start: o.dueAt!,
    summary: `${o.incident.reference} deadline: ${obligationLabel(o as Parameters<typeof obligationLabel>[0])}`,
    description: `Breach notification due (${o.citation}).`,
    categories: "Breach obligation",
    url: `${origin}/breaches/${o.incidentId}`,
  }));
}

async function decisionEvents(origin: string, role: Role, since: Date): Promise<IcsEvent[]> {
  // Who may act on an open decision mirrors review-decision.ts mayReview.
  const mine =
    role === "reviewer"
      ? [{ status: "pending_review" }, { status: "escalated", escalateTo: "reviewer" }]
      : [{ status: "escalated", escalateTo: role }, { status: "pending_review", allowAdminReview: true }];
  const rows = await db().oversightDecision.findMany({
    where: { dueAt: { gte: since }, OR: mine },
    orderBy: { dueAt: "asc" },
    take: MAX_PER_KIND,
    select: { id: true, decisionType: true, status: true, dueAt: true, aiSystemId: true },
  });
  const systems = await db().aiSystem.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.aiSystemId))] } }, select: { id: true, name: true } });
  return rows.map((d) => ({
    uid: `decision-sla-${d.id}@${UID_DOMAIN}`,
    start: d.dueAt!,
    summary: `Decision review SLA: ${d.decisionType} (${systems.find((s) => s.id === d.aiSystemId)?.name ?? "AI system"})${d.status === "escalated" ? ", escalated" : ""}`,
    categories: "Decision SLA",
    url: `${origin}/oversight/decisions/${d.id}`,
  }));
}

async function controlEvents(origin: string, since: Date): Promise<IcsEvent[]> {
  const rows = await db().control.findMany({ where: { nextReviewAt: { gte: since }, archivedAt: null }, orderBy: { nextReviewAt: "asc" }, take: MAX_PER_KIND, select: { id: true, title: true, nextReviewAt: true } });
  return rows.map((c) => ({
    uid: `control-review-${c.id}@${UID_DOMAIN}`,
    start: c.nextReviewAt!,
    summary: `Control review: ${c.id} ${c.title}`,
    categories: "Control review",
    url: `${origin}/posture#control-${c.id}`,
  }));
}

/** The .ics text for a token, or null for an unknown or revoked token or a disabled user. */
export async function calendarFeed(token: string, now = new Date()): Promise<string | null> {
  if (!/^cal_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db().calendarToken.findUnique({ where: { tokenHash: hashCalendarToken(token) }, select: { userId: true } });
  if (!row) return null;
  const user = await db().user.findUnique({ where: { id: row.userId }, select: { role: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  const role = user.role as Role;
  const origin = appOrigin();
  const since = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const events = [
    ...(roleHas(role, "breach:read") ? await obligationEvents(origin, since) : []),
    ...(roleHas(role, "decision:review") ? await decisionEvents(origin, role, since) : []),
    ...(roleHas(role, "posture:read") ? await controlEvents(origin, since) : []),
  ];
  return buildCalendar({ name: "Compliance deadlines", prodId: "-//Oversight Dashboard//Calendar feed//EN", events, now });
}
