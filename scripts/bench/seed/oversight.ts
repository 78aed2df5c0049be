// Human oversight of AI decisions: AI systems with approved model versions, an escalation
// policy each, one integration key each (decisions:write, bound to the system), and the
// decisions they submitted. Routing is the app's routeDecision; reviews move a decision
// through the app's applyVerdict, so status / approvals / finalOutcome are what the
// review path would leave. The newest `pending` decisions await review, with SLAs that run
// past the anchor (so a server started soon after does not time them out at once).
import { applyVerdict, type DecisionState } from "@/lib/oversight/outcome";
import { routeDecision } from "@/lib/oversight/routing";
import type { PolicyRule } from "@/lib/validation/oversight";
import { encrypt, lookupHash } from "@/lib/server/keys";
import { inputsContext, SECRET_CONTEXT, subjectContext, SUBJECT_INDEX_CONTEXT } from "@/lib/server/oversight/common";
import { seedIntegrationKey, type Person } from "./accounts";
import type { AuditStream } from "./audit";
import { ANCHOR, at, cuidOf, DAY, Rng, SPAN_DAYS, START } from "./rng";
import { Batch, type Sink } from "./sink";

const HALF = START + Math.floor(SPAN_DAYS / 2) * DAY;
const TYPES = [["credit_limit", ["approve", "decline"]], ["claim_triage", ["pay", "investigate"]], ["content_moderation", ["keep", "remove"]], ["fraud_flag", ["clear", "block"]]] as const;
const policy = (slaHours: number): PolicyRule[] => [
  { when: { impact: "low" }, action: "auto_accept" },
  { when: { impact: "critical" }, action: "review", approvals: 2, slaHours, onTimeout: "escalate", escalateTo: "compliance_officer" },
  { when: {}, action: "review", approvals: 1, slaHours },
] as PolicyRule[];
const DECISION_COLUMNS = ["id", "aiSystemId", "modelVersionId", "modelVersionLabel", "externalId", "decisionType", "proposedOutcome", "confidence", "impact", "amount", "jurisdiction", "subjectRefEnc", "subjectRefHash", "summary", "inputsEnc", "callbackUrl", "policyRevision", "ruleIndex", "ruleJson", "requiredApprovals", "slaHours", "onTimeout", "escalateTo", "rejectEnds", "allowAdminReview", "submittedByKeyId", "createdAt", "status", "approvals", "rejections", "dueAt", "finalOutcome", "decidedAt", "version"];

type Staff = { officer: Person; admin: Person; reviewers: Person[] };

async function seedSystems(sink: Sink, audit: AuditStream, staff: Staff, count: number, rng: Rng) {
  const systems = [];
  for (let s = 0; s < count; s++) {
    const id = cuidOf(`ai-system:${s}`);
    const created = at(5 + s);
    const name = `${TYPES[s % TYPES.length]![0].replace("_", " ")} model ${String(s + 1).padStart(2, "0")}`;
    await sink.insert("AiSystem", ["id", "name", "purpose", "owner", "riskTier", "deploymentStatus", "callbackSecretEnc", "secretRotatedAt", "retentionDays", "createdById", "createdAt", "updatedAt", "version"], [[id, name, `Standard dataset AI system ${s + 1}`, staff.officer.name, s % 3 === 0 ? "high" : "limited", "production", encrypt(rng.hex(32), SECRET_CONTEXT), new Date(created), 3650, staff.officer.id, new Date(created), new Date(created), 0]]);
    const versions = ["1.0", "2.0"].map((v, k) => ({ id: cuidOf(`model:${s}:${v}`), v, approvedAt: k === 0 ? created : HALF }));
    await sink.insert("AiModelVersion", ["id", "aiSystemId", "version", "artifactSha256", "status", "approvedById", "approvedByLabel", "approvedAt", "createdAt"], versions.map((m) => [m.id, id, m.v, rng.hex(32), "approved", staff.officer.id, staff.officer.email, new Date(m.approvedAt), new Date(m.approvedAt - DAY)]));
    const rules = policy(s % 2 === 0 ? 24 * 30 : 24 * 14);
    await sink.insert("EscalationPolicy", ["id", "aiSystemId", "rules", "allowAdminReview", "revision", "updatedById", "updatedAt"], [[cuidOf(`policy:${s}`), id, JSON.stringify(rules), false, 1, staff.officer.id, new Date(created)]]);
    audit.add(created, staff.officer.actor, "oversight.system.create", "AiSystem", id, { name, riskTier: s % 3 === 0 ? "high" : "limited" });
    audit.add(created + 1000, staff.officer.actor, "oversight.policy.put", "EscalationPolicy", id, { revision: 1, rules: rules.length });
    const key = await seedIntegrationKey(sink, audit, { label: `ai-system:${s}`, name: `${name} (decisions)`, scopes: ["decisions:read", "decisions:write"], aiSystemId: id, createdBy: staff.admin, at: created + 2000 });
    systems.push({ id, type: TYPES[s % TYPES.length]!, versions, rules, key });
  }
  return systems;
}

export async function seedOversight(sink: Sink, audit: AuditStream, staff: Staff, counts: { decisions: number; pending: number; systems: number }) {
  const rng = new Rng("oversight");
  const systems = await seedSystems(sink, audit, staff, counts.systems, rng);
  const decisions = new Batch(sink, "OversightDecision", DECISION_COLUMNS, 20_000);
  const reviews = new Batch(sink, "DecisionReview", ["id", "decisionId", "reviewerId", "reviewerLabel", "via", "verdict", "rationale", "countKey", "at"], 20_000);
  const decided = counts.decisions - counts.pending;
  const historyEnd = ANCHOR - 8 * DAY;
  for (let i = 0; i < counts.decisions; i++) {
    const pending = i >= decided;
    // Decided ones over the history; pending ones in the last week before the anchor.
    const created = pending ? ANCHOR - 7 * DAY + Math.floor(((i - decided + 0.5) / counts.pending) * 7 * DAY) : at(10) + Math.floor(((i + 0.5) / decided) * (historyEnd - at(10)));
    const sys = systems[i % systems.length]!;
    const version = created >= HALF ? sys.versions[1]! : sys.versions[0]!;
    const [type, outcomes] = sys.type;
    const externalId = `ext-${String(i).padStart(7, "0")}`;
    const facts = { decisionType: type, confidence: Math.round(rng.next() * 1000) / 1000, impact: pending ? rng.pick(["medium", "high", "critical"]) : rng.weighted([["low", 30], ["medium", 35], ["high", 25], ["critical", 10]] as const), amount: rng.chance(0.5) ? rng.between(100, 50_000) : null, jurisdiction: rng.pick(["DE", "FR", "US", "GB", null]) };
    const route = routeDecision(sys.rules, facts);
    const id = cuidOf(`decision:${i}`);
    const subjectRef = `customer-${rng.int(1_000_000)}`;
    let state: DecisionState & { finalOutcome: string | null } = { status: route.action === "auto_accept" ? "auto_accepted" : "pending_review", requiredApprovals: route.requiredApprovals, approvals: 0, rejections: 0, rejectEnds: route.rejectEnds, proposedOutcome: rng.pick(outcomes), onTimeout: route.onTimeout, finalOutcome: null };
    if (state.status === "auto_accepted") state.finalOutcome = state.proposedOutcome;
    let decidedAt: number | null = state.status === "auto_accepted" ? created : null;
    let t = created;
    let rowVersion = 0;
    if (!pending && state.status === "pending_review") {
      const verdict = rng.chance(0.8) ? "approve" : "reject";
      for (const reviewer of staff.reviewers.slice(0, verdict === "approve" ? route.requiredApprovals : 1)) {
        t += rng.between(5, 8 * 60) * 60_000;
        const next = applyVerdict(state, verdict);
        state = { ...state, status: next.status, approvals: next.approvals, rejections: next.rejections, finalOutcome: next.finalOutcome };
        const rid = cuidOf(`review:${id}:${reviewer.id}`);
        const rationale = verdict === "approve" ? "Inputs checked against the file; outcome justified" : "Income evidence missing; outcome not justified";
        rowVersion++;
        await reviews.add([rid, id, reviewer.id, reviewer.email, "ui", verdict, rationale, `${id}:${reviewer.id}`, new Date(t)]);
        audit.add(t, reviewer.actor, `oversight.decision.review.${verdict}`, "OversightDecision", id, { verdict, status: next.status, approvals: next.approvals, rejections: next.rejections });
        if (next.terminal) decidedAt = t;
      }
    }
    await decisions.add([
      id, sys.id, version.id, version.v, externalId, type, state.proposedOutcome, facts.confidence, facts.impact, facts.amount, facts.jurisdiction,
      encrypt(subjectRef, subjectContext(sys.id, externalId)), lookupHash(subjectRef, SUBJECT_INDEX_CONTEXT), `${type.replace("_", " ")} for ${subjectRef}`,
      encrypt(JSON.stringify({ score: facts.confidence, amount: facts.amount }), inputsContext(sys.id, externalId)), null, 1, route.ruleIndex, JSON.stringify(route.rule ?? { default: "no rule matched: review with one approval" }),
      route.requiredApprovals, route.slaHours, route.onTimeout, route.escalateTo, route.rejectEnds, false, sys.key[1], new Date(created), state.status, state.approvals, state.rejections,
      route.action === "auto_accept" || route.slaHours === null ? null : new Date(created + route.slaHours * 3_600_000), state.finalOutcome, decidedAt === null ? null : new Date(decidedAt), rowVersion,
    ]);
    audit.add(created, sys.key, route.action === "auto_accept" ? "oversight.decision.auto-accept" : "oversight.decision.submit", "OversightDecision", id, { externalId, decisionType: type, modelVersion: version.v, ruleIndex: route.ruleIndex, requiredApprovals: route.requiredApprovals });
  }
  await decisions.flush();
  await reviews.flush();
  return { decisions: decisions.written, reviews: reviews.written };
}
