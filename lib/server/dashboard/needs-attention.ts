import "server-only";
// "Needs attention" on the home page: what is overdue or due within 24 hours, and the open
// problems, across the areas the actor may read (each source only with its read
// permission; deny by default). A fixed number of queries per source, never one per item.
// Titles carry references, regimes, record names and system names only, never a data
// subject's identifier or a decision's inputs.
import { ATTENTION_WINDOW_MS, byUrgency, deadlineTier, dueWording, SEVERITY_WEIGHT, TIER, type AttentionItem } from "@/lib/dashboard/attention";
import { obligationLabel } from "@/lib/breaches/reports";
import type { Actor } from "@/lib/server/actor";
import { can, requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { allControls } from "@/lib/server/posture/controls";
import { decisionAttention } from "./attention-decisions";
import { OBLIGATION_TO_SEND } from "@/lib/server/breaches/to-send";

export type NextDeadline = { title: string; dueAt: string; when: string; href: string };
export type NeedsAttention = { at: string; items: AttentionItem[]; total: number; more: Partial<Record<AttentionItem["kind"], number>>; nextDeadline: NextDeadline | null };
type Next = { title: string; dueAt: Date; href: string } | null;
type Source = { items: AttentionItem[]; next: Next };

async function obligationAttention(now: Date, windowEnd: Date): Promise<Source> {
  const select = { id: true, incidentId: true, regime: true, recipient: true, jurisdiction: true, dueAt: true, incident: { select: { reference: true } } } as const;
  const [rows, next] = await Promise.all([
    db().breachObligation.findMany({ where: { ...OBLIGATION_TO_SEND, dueAt: { not: null, lte: windowEnd } }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: 100, select }),
    db().breachObligation.findFirst({ where: { ...OBLIGATION_TO_SEND, dueAt: { gt: windowEnd } }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select }),
  ]);
  type Row = (typeof rows)[number];
  const title = (o: Row) => `${o.incident.reference}: ${obligationLabel({ regime: o.regime, recipient: o.recipient as Parameters<typeof obligationLabel>[0]["recipient"], jurisdiction: o.jurisdiction ?? undefined })} notification`;
  const items = rows.map((o): AttentionItem => ({
    key: `obligation:${o.id}`,
    kind: "obligation",
    tier: deadlineTier(o.dueAt!, now, windowEnd.getTime() - now.getTime()) ?? TIER.dueSoon,
    title: title(o),
    when: dueWording(o.dueAt!, now),
    note: null,
    dueAt: o.dueAt!.toISOString(),
    overdue: o.dueAt! <= now,
    href: `/breaches/${o.incidentId}`,
    weight: 0,
  }));
  return { items, next: next ? { title: title(next), dueAt: next.dueAt!, href: `/breaches/${next.incidentId}` } : null };
}

async function controlAttention(actor: Actor, now: Date): Promise<Source> {
  // The effective status (automated test, review, override) is derived in allControls; the
  // catalogue is small (tens to hundreds), so this is one read of it.
  const controls = await allControls(actor);
  const items: AttentionItem[] = [];
  let next: Next = null;
  for (const c of controls) {
    const href = `/posture/controls/${encodeURIComponent(c.id)}`;
    if (c.test?.status === "fail") {
      items.push({ key: `control-test:${c.id}`, kind: "control_test", tier: TIER.problem, title: `${c.id}: ${c.title}`, when: "automated test failing", note: c.test.detail ? c.test.detail.slice(0, 160) : null, dueAt: null, overdue: false, href, weight: 1 });
    }
    const due = c.nextReviewAt ? new Date(c.nextReviewAt) : null;
    if (c.overdue && due) {
      items.push({ key: `control-review:${c.id}`, kind: "control_review", tier: TIER.review, title: `Review of ${c.id}: ${c.title}`, when: dueWording(due, now), note: null, dueAt: due.toISOString(), overdue: true, href, weight: 0 });
    } else if (due && due > now && !c.automated && (!next || due < next.dueAt)) {
      next = { title: `Review of ${c.id}: ${c.title}`, dueAt: due, href };
    }
  }
  return { items, next };
}

async function recordAttention(now: Date): Promise<Source> {
  const select = { id: true, name: true, nextReviewAt: true } as const;
  const [assets, activities, nextAsset, nextActivity] = await Promise.all([
    db().dataAsset.findMany({ where: { nextReviewAt: { not: null, lt: now } }, orderBy: [{ nextReviewAt: "asc" }, { id: "asc" }], take: 50, select }),
    db().processingActivity.findMany({ where: { nextReviewAt: { not: null, lt: now } }, orderBy: [{ nextReviewAt: "asc" }, { id: "asc" }], take: 50, select }),
    db().dataAsset.findFirst({ where: { nextReviewAt: { gte: now } }, orderBy: [{ nextReviewAt: "asc" }, { id: "asc" }], select }),
    db().processingActivity.findFirst({ where: { nextReviewAt: { gte: now } }, orderBy: [{ nextReviewAt: "asc" }, { id: "asc" }], select }),
  ]);
  const item = (what: string, path: string) => (r: (typeof assets)[number]): AttentionItem => ({
    key: `record-review:${path}:${r.id}`, kind: "record_review", tier: TIER.review, title: `Review of ${what} “${r.name}”`, when: dueWording(r.nextReviewAt!, now), note: null, dueAt: r.nextReviewAt!.toISOString(), overdue: true, href: `/inventory/${path}/${r.id}`, weight: 0,
  });
  const nexts: Next[] = [
    nextAsset ? { title: `Review of asset “${nextAsset.name}”`, dueAt: nextAsset.nextReviewAt!, href: `/inventory/assets/${nextAsset.id}` } : null,
    nextActivity ? { title: `Review of processing activity “${nextActivity.name}”`, dueAt: nextActivity.nextReviewAt!, href: `/inventory/activities/${nextActivity.id}` } : null,
  ];
  return { items: [...assets.map(item("asset", "assets")), ...activities.map(item("processing activity", "activities"))], next: earliest(nexts) };
}

async function alertAttention(): Promise<Source> {
  const rows = await db().alert.findMany({ where: { status: "open" }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 50, select: { id: true, summary: true, severity: true, createdAt: true } });
  const items = rows.map((a): AttentionItem => ({
    key: `alert:${a.id}`, kind: "alert", tier: TIER.problem, title: a.summary, when: `raised ${a.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`, note: `${a.severity} severity`, dueAt: null, overdue: false, href: `/alerts?alert=${encodeURIComponent(a.id)}`, weight: 1 + (SEVERITY_WEIGHT[a.severity] ?? 0),
  }));
  return { items, next: null };
}

function earliest(list: Next[]): Next {
  return list.reduce<Next>((best, n) => (n && (!best || n.dueAt < best.dueAt) ? n : best), null);
}

/** Every item the actor may see, most urgent first, and the next deadline after them. */
export async function needsAttention(actor: Actor, opts: { now?: Date; limit?: number } = {}): Promise<NeedsAttention> {
  await requirePermission(actor, "dashboard:read");
  const now = opts.now ?? new Date();
  const windowEnd = new Date(now.getTime() + ATTENTION_WINDOW_MS);
  const none: Source = { items: [], next: null };
  const sources = await Promise.all([
    can(actor, "breach:read") ? obligationAttention(now, windowEnd) : none,
    can(actor, "oversight:read") ? decisionAttention(actor, now, windowEnd) : none,
    can(actor, "posture:read") ? controlAttention(actor, now) : none,
    can(actor, "inventory:read") ? recordAttention(now) : none,
    can(actor, "alerts:read") ? alertAttention() : none,
  ]);
  const all = sources.flatMap((s) => s.items).sort(byUrgency);
  const next = earliest(sources.map((s) => s.next));
  const items = all.slice(0, opts.limit ?? 50);
  // The items not listed, counted by kind, so the page can send each kind to its own list.
  const more: NeedsAttention["more"] = {};
  for (const i of all.slice(items.length)) more[i.kind] = (more[i.kind] ?? 0) + 1;
  return {
    at: now.toISOString(),
    items,
    total: all.length,
    more,
    nextDeadline: next ? { title: next.title, dueAt: next.dueAt.toISOString(), when: dueWording(next.dueAt, now), href: next.href } : null,
  };
}
