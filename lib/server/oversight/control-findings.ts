import "server-only";
// Failing records for the posture area's automated control tests (EU AI Act Art. 9, 14,
// 26): high-risk systems with no approved model version or no escalation policy, and
// decisions whose review SLA was breached in the last 30 days.
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

export type OversightFinding = {
  control: "oversight.high-risk-approved-model" | "oversight.high-risk-escalation-policy" | "oversight.decision-sla";
  entityType: "AiSystem" | "OversightDecision";
  entityId: string;
  title: string;
  detail: string;
  at: string | null;
};

export async function oversightControlFindings(actor: Actor, now = new Date()) {
  await requirePermission(actor, "oversight:read", { type: "OversightControl" });
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [systems, approved, policies, breached] = await Promise.all([
    db().aiSystem.findMany({ where: { riskTier: "high", deploymentStatus: { not: "retired" }, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().aiModelVersion.findMany({ where: { status: "approved" }, select: { aiSystemId: true } }),
    db().escalationPolicy.findMany({ select: { aiSystemId: true } }),
    db().oversightDecision.findMany({ where: { slaBreachedAt: { gte: since } }, orderBy: { slaBreachedAt: "desc" }, take: 1000, select: { id: true, externalId: true, aiSystemId: true, decisionType: true, status: true, slaBreachedAt: true, dueAt: true } }),
  ]);
  const withApproved = new Set(approved.map((a) => a.aiSystemId));
  const withPolicy = new Set(policies.map((p) => p.aiSystemId));
  const findings: OversightFinding[] = [];
  for (const s of systems) {
    if (!withApproved.has(s.id)) findings.push({ control: "oversight.high-risk-approved-model", entityType: "AiSystem", entityId: s.id, title: s.name, detail: "High-risk AI system without an approved model version", at: null });
    if (!withPolicy.has(s.id)) findings.push({ control: "oversight.high-risk-escalation-policy", entityType: "AiSystem", entityId: s.id, title: s.name, detail: "High-risk AI system without an escalation policy", at: null });
  }
  for (const d of breached) {
    findings.push({ control: "oversight.decision-sla", entityType: "OversightDecision", entityId: d.id, title: `${d.decisionType} ${d.externalId}`, detail: `Review SLA breached; now ${d.status}`, at: d.slaBreachedAt!.toISOString() });
  }
  return { generatedAt: now.toISOString(), findings };
}
