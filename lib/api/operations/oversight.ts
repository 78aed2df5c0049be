import { z } from "zod";
import { archiveOperations } from "@/lib/api/lifecycle";
import type { Operation } from "@/lib/api/openapi";
import {
  aiSystemCreatedSchema,
  aiSystemSchema,
  createAiSystemSchema,
  createModelVersionSchema,
  decisionSubmittedSchema,
  decisionViewSchema,
  modelVersionSchema,
  policyResponseSchema,
  putPolicySchema,
  reviewSchema,
  submitDecisionSchema,
  updateAiSystemSchema,
} from "@/lib/validation/oversight";

const secretRotated = z.object({ id: z.string(), callbackSecret: z.string() }).meta({ id: "CallbackSecretRotated" });

export const OVERSIGHT_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/ai-systems",
    summary:
      "Register an AI system (key bound to a compliance officer or admin). Returns the callback signing secret once. Optional assetIds and processingActivityIds link the data inventory records the system uses, in the same transaction.",
    scopes: ["oversight:admin"],
    body: createAiSystemSchema,
    responses: { 201: { description: "Registered", schema: aiSystemCreatedSchema }, 409: { description: "Name already taken" }, 422: { description: "Invalid body, or an asset / processing activity id not in the inventory (details name them)" } },
  },
  {
    method: "get",
    path: "/api/v1/ai-systems/{id}",
    summary: "An AI system with its model versions, escalation policy and linked inventory records (assetIds, processingActivityIds)",
    scopes: ["oversight:admin"],
    responses: { 200: { description: "The system", schema: aiSystemSchema }, 404: { description: "No such AI system" } },
  },
  {
    method: "patch",
    path: "/api/v1/ai-systems/{id}",
    summary:
      "Change deployment status, owner or retention, and/or replace the linked assets and processing activities (a sent list replaces the whole set; an omitted one is unchanged). Every change is audited with the added and removed ids.",
    scopes: ["oversight:admin"],
    body: updateAiSystemSchema,
    responses: { 200: { description: "The system as it now stands", schema: aiSystemSchema }, 404: { description: "No such AI system" }, 422: { description: "Invalid body, or an asset / processing activity id not in the inventory (details name them); nothing is changed" } },
  },
  {
    method: "post",
    path: "/api/v1/ai-systems/{id}/model-versions",
    summary: "Register a model version (draft) with its artifact SHA-256, training-data reference and evaluation notes",
    scopes: ["oversight:admin"],
    body: createModelVersionSchema,
    responses: { 201: { description: "Registered as draft", schema: modelVersionSchema }, 404: { description: "No such AI system" }, 409: { description: "Version label taken" } },
  },
  ...archiveOperations("/api/v1/ai-systems", "AI system", ["oversight:admin"]),
  {
    method: "post",
    path: "/api/v1/ai-systems/{id}/model-versions/{versionId}/approve",
    summary: "Approve a draft model version; the key's bound person is recorded as the approver",
    scopes: ["oversight:admin"],
    responses: { 200: { description: "Approved", schema: modelVersionSchema }, 409: { description: "Not a draft" } },
  },
  {
    method: "get",
    path: "/api/v1/ai-systems/{id}/policy",
    summary: "The escalation policy in force: its revision, ordered rules and whether admins may review",
    scopes: ["oversight:admin"],
    responses: { 200: { description: "The stored policy", schema: policyResponseSchema }, 404: { description: "No such AI system, or it has no policy yet" } },
  },
  {
    method: "put",
    path: "/api/v1/ai-systems/{id}/policy",
    summary: "Replace the escalation policy. Rules are ordered, the first match wins, no match means review with one approval; a timeout escalates or expires, never approves.",
    scopes: ["oversight:admin"],
    body: putPolicySchema,
    responses: { 200: { description: "Stored", schema: policyResponseSchema } },
  },
  {
    method: "post",
    path: "/api/v1/ai-systems/{id}/callback-secret",
    summary: "Rotate the callback signing secret (shown once)",
    scopes: ["oversight:admin"],
    responses: { 200: { description: "Rotated", schema: secretRotated } },
  },
  {
    method: "post",
    idempotent: true,
    path: "/api/v1/decisions",
    summary:
      "Submit a decision for human oversight (key bound to the AI system). Send an Idempotency-Key header; a retry with the same key and body returns the stored response. Outcome callbacks are signed: X-Oversight-Timestamp (unix seconds) and X-Oversight-Signature: v1=hex(HMAC-SHA-256(secret, timestamp + '.' + body)); refuse timestamps older than 300 s.",
    scopes: ["decisions:write"],
    body: submitDecisionSchema,
    responses: {
      201: { description: "Accepted: auto_accepted or pending_review", schema: decisionSubmittedSchema },
      409: { description: "externalId already submitted, or Idempotency-Key reused with another body (CONFLICT), or its first request is still being processed (IDEMPOTENCY_IN_FLIGHT: retry)" },
      422: { description: "Invalid body, or the model version is not approved" },
    },
  },
  {
    method: "get",
    path: "/api/v1/decisions/{id}",
    summary: "A decision's status, outcome and reviews (only the bound system's decisions)",
    scopes: ["decisions:read"],
    responses: { 200: { description: "The decision", schema: decisionViewSchema }, 404: { description: "No such decision for this key" } },
  },
  {
    method: "post",
    path: "/api/v1/decisions/{id}/reviews",
    summary: "Review a decision (key bound to the reviewer). Same rules as the UI: rationale required, each person counts once, the submitter or escalator cannot approve, 409 once the outcome is set.",
    scopes: ["decisions:review"],
    body: reviewSchema,
    responses: { 201: { description: "Recorded; the decision as it now stands", schema: decisionViewSchema }, 409: { description: "Already decided (details carry the outcome) or already reviewed by this person" } },
  },
];
