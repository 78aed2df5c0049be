import "server-only";
import { db } from "@/lib/server/db";

export type EntityLabel = { label: string; href: string | null };

type Lookup = (ids: string[]) => Promise<{ id: string; label: string; href: string | null }[]>;

// One query per entity type on a page of events (never one per event). Types without a
// lookup keep their id; a record since removed keeps its id too.
const LOOKUPS: Record<string, Lookup> = {
  User: async (ids) => (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((u) => ({ id: u.id, label: `${u.name} <${u.email}>`, href: null })),
  Incident: async (ids) => (await db().incident.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true } })).map((i) => ({ id: i.id, label: i.reference, href: `/breaches/${i.id}` })),
  DataAsset: async (ids) => (await db().dataAsset.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((a) => ({ id: a.id, label: a.name, href: `/inventory/assets/${a.id}` })),
  ProcessingActivity: async (ids) => (await db().processingActivity.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((a) => ({ id: a.id, label: a.name, href: `/inventory/activities/${a.id}` })),
  AiSystem: async (ids) => (await db().aiSystem.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => ({ id: s.id, label: s.name, href: `/oversight/systems/${s.id}` })),
  OversightDecision: async (ids) => (await db().oversightDecision.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((d) => ({ id: d.id, label: `decision ${d.id.slice(0, 8)}`, href: `/oversight/decisions/${d.id}` })),
  Control: async (ids) => (await db().control.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((c) => ({ id: c.id, label: c.title, href: `/posture/controls/${c.id}` })),
  ConsentPurpose: async (ids) => (await db().consentPurpose.findMany({ where: { id: { in: ids } }, select: { id: true, key: true } })).map((p) => ({ id: p.id, label: p.key, href: `/consent/purposes/${encodeURIComponent(p.key)}` })),
  ApiKey: async (ids) => (await db().apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((k) => ({ id: k.id, label: `key “${k.name}”`, href: null })),
  Framework: async (ids) => (await db().framework.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((f) => ({ id: f.id, label: f.title, href: `/posture/frameworks/${f.id}` })),
};

/** "Type:id" -> a readable name and the record's page, for the events on one page of the log. */
export async function entityLabels(events: { entityType: string | null; entityId: string | null }[]): Promise<Map<string, EntityLabel>> {
  const byType = new Map<string, Set<string>>();
  for (const e of events) {
    if (!e.entityType || !e.entityId || !LOOKUPS[e.entityType]) continue;
    (byType.get(e.entityType) ?? byType.set(e.entityType, new Set()).get(e.entityType)!).add(e.entityId);
  }
  const out = new Map<string, EntityLabel>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      for (const r of await LOOKUPS[type]!([...ids])) out.set(`${type}:${r.id}`, { label: r.label, href: r.href });
    }),
  );
  return out;
}
