import "server-only";
// For the posture area's automated control tests: the failing records of the control "every
// breach notice is sent by its legal deadline" are the open obligations whose deadline passed.
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export type BreachControlFinding = {
  incidentId: string;
  incidentReference: string;
  incidentTitle: string;
  obligationId: string;
  key: string;
  regime: string;
  recipient: string;
  jurisdiction: string | null;
  dueAt: string;
  citation: string;
  overdueByHours: number;
};

export async function breachControlFindings(actor: Actor, opts: { now?: Date } = {}): Promise<BreachControlFinding[]> {
  await requirePermission(actor, "breach:read", { type: "BreachObligation" });
  const now = opts.now ?? new Date();
  const rows = await db().breachObligation.findMany({
    where: { status: "open", applies: true, sentAt: null, dueAt: { lt: now } },
    orderBy: [{ dueAt: "asc" }, { key: "asc" }],
    select: { id: true, key: true, regime: true, recipient: true, jurisdiction: true, dueAt: true, citation: true, incident: { select: { id: true, reference: true, title: true } } },
  });
  return rows.map((r) => ({
    incidentId: r.incident.id,
    incidentReference: r.incident.reference,
    incidentTitle: r.incident.title,
    obligationId: r.id,
    key: r.key,
    regime: r.regime,
    recipient: r.recipient,
    jurisdiction: r.jurisdiction,
    dueAt: r.dueAt!.toISOString(),
    citation: r.citation,
    overdueByHours: Math.floor((now.getTime() - r.dueAt!.getTime()) / 3_600_000),
  }));
}
