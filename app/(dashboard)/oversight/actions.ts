"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { formError, formValues, refused } from "@/lib/forms/form-result";
import { POLICY_FIELDS } from "@/lib/oversight/policy-rows";
import { requireActor } from "@/lib/server/auth/current-actor";
import { archiveAiSystem, restoreAiSystem } from "@/lib/server/oversight/lifecycle";
import { archiveFormAction } from "@/lib/server/lifecycle/archive-action";
import { can } from "@/lib/server/authz";
import { runFormAction, runFormWrite, type FormOf } from "@/lib/server/form-action";
import { setAiSystemLinks } from "@/lib/server/oversight/links";
import { putEscalationPolicy } from "@/lib/server/oversight/policy";
import { revealDecisionInputs } from "@/lib/server/oversight/read-decisions";
import { approveModelVersion, createAiSystem, createModelVersion, retireModelVersion, rotateCallbackSecret } from "@/lib/server/oversight/registry";
import { escalateDecision, reviewDecision } from "@/lib/server/oversight/review-decision";
import { kickOversightJobs } from "@/lib/server/oversight/scheduler";
import { flashResult } from "@/lib/server/flash";
import { createAiSystemSchema, createModelVersionSchema, putPolicySchema } from "@/lib/validation/oversight";
import { AI_SYSTEM_FIELDS, LINK_FIELDS, MODEL_VERSION_FIELDS } from "./_components/registry-fields";
import { ESCALATE_FIELDS, reviewFields } from "./_components/review-fields";

// Thin actions: authenticate, hand the raw input to one lib/server function, map errors;
// with `form`, a refusal is worded with its labels and sends back what was typed (decision 012).
async function run<T>(fn: () => Promise<T>, message: (r: T) => string, paths: string[] = ["/oversight"], form?: FormOf): Promise<ActionResult<T>> {
  try {
    const r = await fn();
    for (const p of paths) revalidatePath(p, "layout");
    return { ok: true, message: message(r), data: r };
  } catch (e) {
    return form ? formError(e, formValues(form.data, form.omit), form.specs, form.field) : actionError(e);
  }
}

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

export async function reviewDecisionAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const id = String(form.get("decisionId") ?? "");
  // The form confirms a verdict that refuses the proposal (no outcome, or overturned) before
  // sending it; a post without that step is refused here rather than ending a decision by a slip.
  const verdict = str(form, "verdict");
  const values = formValues(form);
  if ((verdict === "reject" || verdict === "override") && form.get("confirmed") !== "yes") {
    return { ok: false, message: "Confirm this verdict first: it refuses the AI system's proposal.", values } satisfies ActionResult;
  }
  return run(
    async () => {
      const view = await reviewDecision(actor, id, { verdict, rationale: form.get("rationale") ?? "", ...(str(form, "overrideOutcome") ? { overrideOutcome: str(form, "overrideOutcome") } : {}) }, "ui");
      if (!["pending_review", "escalated"].includes(view.status)) kickOversightJobs();
      return view;
    },
    (v) =>
      verdict === "request_info"
        ? "Question recorded on the decision; the AI system's owner is notified. Nothing is decided yet."
        : ["pending_review", "escalated"].includes(v.status) ? `Recorded. ${v.approvals} of ${v.requiredApprovals} approvals so far.` : `Recorded. The decision is now ${v.status}.`,
    undefined,
    { data: form, specs: reviewFields(verdict) },
  );
}

export async function escalateDecisionAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  // The Escalate card goes once the decision is escalated, and its result with it: also a flash.
  return flashResult(await run(() => escalateDecision(actor, String(form.get("decisionId") ?? ""), { reason: form.get("reason") ?? "" }), () => "Escalated. You can no longer approve this decision.", undefined, { data: form, specs: ESCALATE_FIELDS }));
}

export async function revealInputsAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  try {
    const r = await revealDecisionInputs(actor, String(form.get("decisionId") ?? ""));
    return { ok: true, message: "Revealed; this view is recorded in the audit log.", data: r } satisfies ActionResult<typeof r>;
  } catch (e) {
    return actionError(e);
  }
}

export async function createAiSystemAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const values = formValues(form);
  return runFormWrite({
    actor,
    permission: "oversight:admin",
    entity: { type: "AiSystem" },
    schema: createAiSystemSchema,
    input: { name: values.name ?? "", purpose: values.purpose ?? "", riskTier: values.riskTier ?? "", owner: str(form, "owner"), deploymentStatus: str(form, "deploymentStatus") },
    values,
    specs: AI_SYSTEM_FIELDS,
    write: (input) => createAiSystem(actor, input),
    message: (s) => `Registered ${s.name}. Give its callback secret to the system's operators now; it is shown only once.`,
    paths: ["/oversight"],
  });
}

export async function createModelVersionAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const values = formValues(form);
  const aiSystemId = values.aiSystemId ?? "";
  return runFormWrite({
    actor,
    permission: "oversight:admin",
    entity: { type: "AiSystem", id: aiSystemId },
    schema: createModelVersionSchema,
    input: { version: values.version ?? "", artifactSha256: values.artifactSha256 ?? "", trainingDataRef: str(form, "trainingDataRef"), notes: str(form, "notes") },
    values,
    specs: MODEL_VERSION_FIELDS,
    write: (input) => createModelVersion(actor, aiSystemId, input),
    message: (v) => `Version ${v.version} registered as a draft.`,
    paths: ["/oversight"],
  });
}

export async function modelVersionCommandAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const systemId = String(form.get("aiSystemId") ?? "");
  const versionId = String(form.get("versionId") ?? "");
  // The button goes with the version's state, and its result with it: also a flash (decision 017).
  if (form.get("command") === "retire") return flashResult(await run(() => retireModelVersion(actor, systemId, versionId), (v) => `Version ${v.version} retired.`));
  return flashResult(await run(() => approveModelVersion(actor, systemId, versionId), (v) => `Version ${v.version} approved by you.`));
}

/**
 * The structured editor and its JSON tab both send the rules as JSON text. A refusal sends
 * it back as typed with each bad field worded ("Rule 2: Confidence below 1.5 must be at
 * most 1"), checked with the API's schema after the permission (deny first).
 */
export async function putPolicyAction(_: unknown, form: FormData): Promise<ActionResult<{ revision: number }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const values = formValues(form);
  const aiSystemId = values.aiSystemId ?? "";
  let rules: unknown;
  try {
    rules = JSON.parse(values.rules ?? "[]");
  } catch (e) {
    // Said only to people who may edit the policy; others get the permission refusal.
    if (!can(actor, "oversight:admin")) rules = [];
    else return refused(values, { rules: `Rules are not valid JSON: ${e instanceof SyntaxError ? e.message : "unreadable"}. Fix it in the JSON tab, or switch back to the rows.` });
  }
  return runFormWrite({
    actor,
    permission: "oversight:admin",
    entity: { type: "EscalationPolicy", id: aiSystemId },
    schema: putPolicySchema,
    input: { rules, allowAdminReview: form.get("allowAdminReview") === "on" },
    values,
    specs: POLICY_FIELDS,
    write: async (input) => ({ revision: (await putEscalationPolicy(actor, aiSystemId, input)).revision }),
    message: (p) => `Policy saved (revision ${p.revision}).`,
    paths: ["/oversight"],
  });
}

export async function rotateSecretAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(() => rotateCallbackSecret(actor, String(form.get("aiSystemId") ?? "")), () => "New secret created. Callbacks are signed with it from now on; it is shown only once.");
}

/** The form always sends both lists (unticked boxes are absent), so an empty list clears the set. */
export async function setAiSystemLinksAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const ids = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  // The pattern's helper: a refusal sends back the ticked boxes, worded with the form's labels.
  const r = await runFormAction(
    () => setAiSystemLinks(actor, String(form.get("aiSystemId") ?? ""), { assetIds: ids("assetIds"), processingActivityIds: ids("processingActivityIds") }),
    (r) => (r.changed ? `Links saved: ${r.assetIds.length} asset(s), ${r.processingActivityIds.length} processing activit${r.processingActivityIds.length === 1 ? "y" : "ies"}. The inventory pages now list this system under each of them.` : "No change: these were already the linked records."),
    [],
    { data: form, specs: LINK_FIELDS },
  );
  // Whole sections: the system's page and every inventory record's page show the links.
  if (r.ok) for (const p of ["/oversight", "/inventory"]) revalidatePath(p, "layout");
  return r;
}

export async function archiveAiSystemAction(_: unknown, form: FormData): Promise<ActionResult> {
  return archiveFormAction(form, { archive: archiveAiSystem, restore: restoreAiSystem }, "/oversight", {
    archived: "Archived: the system is out of the registry and submits no decisions; its history is kept.",
    restored: "Restored: the system is back in the registry.",
  });
}
