// Builders for the oversight database tests: everything goes through lib/server functions.
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/permissions";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { createApiKey, createOwnApiKey } from "@/lib/server/api-keys/create-api-key";
import { putEscalationPolicy } from "@/lib/server/oversight/policy";
import { approveModelVersion, createAiSystem, createModelVersion } from "@/lib/server/oversight/registry";
import { submitDecision } from "@/lib/server/oversight/submit-decision";
import { actorFor, actorOf } from "@/lib/server/testing/factories";

export const sha = () => randomBytes(32).toString("hex");
export const uid = (p: string) => `${p}-${randomBytes(4).toString("hex")}`;

export async function officer() {
  return actorFor("compliance_officer");
}

/** A registered system with an approved v1 and the given policy rules (none: no policy). */
export async function makeSystem(opts: { rules?: unknown[]; allowAdminReview?: boolean; riskTier?: string; owner?: string } = {}) {
  const o = await officer();
  const system = await createAiSystem(o, { name: uid("Loans"), purpose: "Consumer credit decisions", riskTier: opts.riskTier ?? "high", owner: opts.owner ?? "Risk team" });
  const v = await createModelVersion(o, system.id, { version: "v1", artifactSha256: sha(), notes: "AUC 0.81; demographic parity gap 0.02" });
  await approveModelVersion(o, system.id, v.id);
  if (opts.rules) await putEscalationPolicy(o, system.id, { rules: opts.rules, allowAdminReview: opts.allowAdminReview });
  return { system, officer: o, versionId: v.id };
}

/** An API key actor as the route wrapper would produce it; a person's key is made by them. */
export async function keyActor(opts: { scopes: string[]; aiSystemId?: string; userEmail?: string }) {
  const k =
    opts.userEmail && !opts.aiSystemId
      ? await createOwnApiKey(await actorOf(opts.userEmail), { name: uid("key"), scopes: opts.scopes })
      : await createApiKey(SYSTEM_CLI, { name: uid("key"), scopes: opts.scopes, ...(opts.aiSystemId ? { aiSystemId: opts.aiSystemId } : {}), ...(opts.userEmail ? { userEmail: opts.userEmail } : {}) });
  const actor = await authenticateApiKey(k.key, "198.51.100.9");
  if (actor.kind !== "api_key") throw new Error("expected an API key actor");
  return actor;
}

export async function systemKey(aiSystemId: string) {
  return keyActor({ scopes: ["decisions:read", "decisions:write"], aiSystemId });
}

export function decisionBody(over: Record<string, unknown> = {}) {
  return {
    externalId: uid("app"),
    modelVersion: "v1",
    decisionType: "loan_refusal",
    proposedOutcome: "refuse",
    confidence: 0.62,
    impact: "high",
    amount: 25000,
    subjectRef: "customer-4711",
    summary: "Debt-to-income ratio 58%, two missed payments in 12 months.",
    inputs: { income: 41000, debt: 23800, missedPayments: 2 },
    ...over,
  };
}

export async function submit(actor: Actor, over: Record<string, unknown> = {}) {
  return submitDecision(actor, decisionBody(over));
}

export async function reviewers(n: number, role: Role = "reviewer") {
  return Promise.all(Array.from({ length: n }, () => actorFor(role)));
}

/** The AppError code a promise rejects with (fails the test if it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error("expected an AppError, but the call succeeded");
}

/**
 * The callback tests run a receiver on loopback, which the SSRF rules refuse; they allow
 * it the way an operator would allow a named internal host (CALLBACK_ALLOWED_HOSTS).
 */
export function allowCallbackHosts(hosts: string) {
  if (hosts) process.env.CALLBACK_ALLOWED_HOSTS = hosts;
  else delete process.env.CALLBACK_ALLOWED_HOSTS;
  resetEnvCache();
}

export { SYSTEM_CLI };
