import "server-only";
// An AI system asks for a human (EU AI Act Art. 14; GDPR Art. 22(3)). The key names the
// system; the body can only name a version of that system, and only an approved one.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { callbackUrlProblem, parseAllowedHosts } from "@/lib/net/ssrf";
import type { Actor } from "@/lib/server/actor";
import { plainTransaction, type Transact } from "@/lib/server/api/idempotency";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { encrypt, lookupHash } from "@/lib/server/keys";
import { enqueueCallback } from "@/lib/server/oversight/callbacks";
import { inputsContext, isUniqueViolation, parseInput, subjectContext, SUBJECT_INDEX_CONTEXT } from "@/lib/server/oversight/common";
import { routeDecision } from "@/lib/oversight/routing";
import { submitDecisionSchema, type PolicyRule } from "@/lib/validation/oversight";

/** `transact` opens the transaction (the API passes one that claims an Idempotency-Key in it). */
export async function submitDecision(actor: Actor, input: unknown, transact: Transact = plainTransaction, now = new Date()) {
  await requirePermission(actor, "oversight:read", { type: "OversightDecision" });
  if (actor.kind !== "api_key" || !actor.aiSystemId || !actor.scopes.includes("decisions:write")) {
    throw new AppError("FORBIDDEN", "Decisions are submitted with an API key bound to an AI system (scope decisions:write).");
  }
  const aiSystemId = actor.aiSystemId;
  const data = parseInput(submitDecisionSchema, input);
  // SSRF: a system's key must not make this server call into our own network. Literals
  // are refused here; names are resolved and checked again at every delivery.
  const callbackProblem = data.callbackUrl ? callbackUrlProblem(data.callbackUrl, parseAllowedHosts(env().CALLBACK_ALLOWED_HOSTS)) : null;
  if (callbackProblem) throw new AppError("VALIDATION", `callbackUrl ${callbackProblem}.`, [{ path: "callbackUrl", message: callbackProblem }]);
  try {
    return await transact(async (tx) => {
      const system = await tx.aiSystem.findUnique({ where: { id: aiSystemId }, select: { id: true, riskTier: true, deploymentStatus: true, archivedAt: true } });
      if (!system) throw new AppError("NOT_FOUND", "The AI system this key is bound to no longer exists.");
      // EU AI Act Art. 5: a prohibited practice is not to be operated at all.
      if (system.riskTier === "prohibited") throw new AppError("CONFLICT", "This AI system is classified as a prohibited practice; it cannot submit decisions.");
      if (system.deploymentStatus === "retired") throw new AppError("CONFLICT", "This AI system is retired.");
      if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before it submits decisions.");
      const version = await tx.aiModelVersion.findUnique({ where: { aiSystemId_version: { aiSystemId, version: data.modelVersion } } });
      if (!version || version.status !== "approved") {
        throw new AppError("VALIDATION", "Check the highlighted fields.", [{ path: "modelVersion", message: version ? `version ${data.modelVersion} is ${version.status}; only an approved version may decide` : `no version ${data.modelVersion} is registered for this system` }]);
      }
      if (await tx.oversightDecision.findUnique({ where: { aiSystemId_externalId: { aiSystemId, externalId: data.externalId } }, select: { id: true } })) {
        throw new AppError("CONFLICT", `A decision with externalId ${data.externalId} was already submitted; retry with the same Idempotency-Key to get its response.`);
      }
      const policy = await tx.escalationPolicy.findUnique({ where: { aiSystemId } });
      const rules = policy ? (JSON.parse(policy.rules) as PolicyRule[]) : [];
      const route = routeDecision(rules, data);
      const auto = route.action === "auto_accept";
      const dueAt = auto || route.slaHours === null ? null : new Date(now.getTime() + route.slaHours * 3_600_000);
      const row = await tx.oversightDecision.create({
        data: {
          aiSystemId,
          modelVersionId: version.id,
          modelVersionLabel: version.version,
          externalId: data.externalId,
          decisionType: data.decisionType,
          proposedOutcome: data.proposedOutcome,
          confidence: data.confidence,
          impact: data.impact ?? null,
          amount: data.amount ?? null,
          jurisdiction: data.jurisdiction?.toUpperCase() ?? null,
          subjectRefEnc: data.subjectRef ? encrypt(data.subjectRef, subjectContext(aiSystemId, data.externalId)) : null,
          subjectRefHash: data.subjectRef ? lookupHash(data.subjectRef, SUBJECT_INDEX_CONTEXT) : null,
          summary: data.summary,
          inputsEnc: data.inputs === undefined ? null : encrypt(JSON.stringify(data.inputs), inputsContext(aiSystemId, data.externalId)),
          callbackUrl: data.callbackUrl ?? null,
          policyRevision: policy?.revision ?? null,
          ruleIndex: route.ruleIndex,
          ruleJson: JSON.stringify(route.rule ?? { default: "no rule matched: review with one approval" }),
          requiredApprovals: route.requiredApprovals,
          slaHours: route.slaHours,
          onTimeout: route.onTimeout,
          escalateTo: route.escalateTo,
          rejectEnds: route.rejectEnds,
          allowAdminReview: policy?.allowAdminReview ?? false,
          submittedByKeyId: actor.keyId,
          submittedByUserId: actor.userId,
          createdAt: now,
          status: auto ? "auto_accepted" : "pending_review",
          dueAt,
          finalOutcome: auto ? data.proposedOutcome : null,
          decidedAt: auto ? now : null,
        },
      });
      await appendAudit(tx, actor, {
        action: auto ? "oversight.decision.auto-accept" : "oversight.decision.submit",
        entityType: "OversightDecision",
        entityId: row.id,
        diff: { externalId: data.externalId, decisionType: data.decisionType, modelVersion: version.version, ruleIndex: route.ruleIndex, requiredApprovals: route.requiredApprovals },
      });
      if (auto) await enqueueCallback(tx, row.id);
      return { id: row.id, status: row.status as "auto_accepted" | "pending_review", requiredApprovals: row.requiredApprovals, dueAt: dueAt?.toISOString() ?? null };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `A decision with externalId ${data.externalId} was already submitted.`);
    throw e;
  }
}
