import "server-only";
// A record's history, read from the audit log. Readers of the inventory may see the
// changes to inventory records (not the rest of the audit log, which needs audit:read).
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export async function recordHistory(actor: Actor, kind: "asset" | "activity", id: string) {
  await requirePermission(actor, "inventory:read");
  const entityType = kind === "asset" ? "DataAsset" : "ProcessingActivity";
  const rows = await db().auditEvent.findMany({
    where: { entityType, entityId: id, action: { startsWith: "inventory." } },
    // id: the order events were written (an event has a seq only once sealed).
    orderBy: { id: "desc" },
    take: 100,
    select: { id: true, seq: true, at: true, actorLabel: true, action: true, diff: true },
  });
  return rows.map((r) => ({ id: r.id, seq: r.seq, at: r.at.toISOString(), actor: r.actorLabel ?? "—", action: r.action, changes: summariseDiff(r.diff) }));
}

function summariseDiff(diff: string | null): string[] {
  if (!diff) return [];
  try {
    const d = JSON.parse(diff) as Record<string, unknown>;
    return Object.entries(d).map(([k, v]) => {
      if (Array.isArray(v) && v.length === 2) return `${k}: ${short(v[0])} → ${short(v[1])}`;
      return `${k}: ${short(v)}`;
    });
  } catch {
    return [];
  }
}

function short(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  if (s === undefined || s === "null" || s === "" || s === "[]") return "—";
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}
