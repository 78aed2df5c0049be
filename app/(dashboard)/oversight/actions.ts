"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { archiveAiSystem, restoreAiSystem } from "@/lib/server/oversight/lifecycle";
import { archiveFormAction } from "@/lib/server/lifecycle/archive-action";
import { setAiSystemLinks } from "@/lib/server/oversight/links";
import { putEscalationPolicy } from "@/lib/server/oversight/policy";
import { revealDecisionInputs } from "@/lib/server/oversight/read-decisions";
import { approveModelVersion, createAiSystem, createModelVersion, retireModelVersion, rotateCallbackSecret } from "@/lib/server/oversight/registry";
import { escalateDecision, reviewDecision } from "@/lib/server/oversight/review-decision";
import { kickOversightJobs } from "@/lib/server/oversight/scheduler";

// Thin actions: authenticate, hand the raw input to one lib/server function, map errors.
async function run<T>(fn: () => Promise<T>, message: (r: T) => string, paths: string[] = ["/oversight"]): Promise<ActionResult<T>> {
  try {
    const r = await fn();
    for (const p of paths) revalidatePath(p, "layout");
    return { ok: true, message: message(r), data: r };
  } catch (e) {
    return actionError(e);
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
  if ((verdict === "reject" || verdict === "override") && form.get("confirmed") !== "yes") {
    return { ok: false, message: "Confirm this verdict first: it refuses the AI system's proposal." } satisfies ActionResult;
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
  );
}

export async function escalateDecisionAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(() => escalateDecision(actor, String(form.get("decisionId") ?? ""), { reason: form.get("reason") ?? "" }), () => "Escalated. You can no longer approve this decision.");
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
  return run(
    () => createAiSystem(actor, { name: form.get("name") ?? "", purpose: form.get("purpose") ?? "", riskTier: form.get("riskTier") ?? "", owner: str(form, "owner"), deploymentStatus: str(form, "deploymentStatus") }),
    (s) => `Registered ${s.name}. Give its callback secret to the system's operators now; it is shown only once.`,
  );
}

export async function createModelVersionAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(
    () => createModelVersion(actor, String(form.get("aiSystemId") ?? ""), { version: form.get("version") ?? "", artifactSha256: form.get("artifactSha256") ?? "", trainingDataRef: str(form, "trainingDataRef"), notes: str(form, "notes") }),
    (v) => `Version ${v.version} registered as a draft.`,
  );
}

export async function modelVersionCommandAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const systemId = String(form.get("aiSystemId") ?? "");
  const versionId = String(form.get("versionId") ?? "");
  if (form.get("command") === "retire") return run(() => retireModelVersion(actor, systemId, versionId), (v) => `Version ${v.version} retired.`);
  return run(() => approveModelVersion(actor, systemId, versionId), (v) => `Version ${v.version} approved by you.`);
}

export async function putPolicyAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  let rules: unknown;
  try {
    rules = JSON.parse(String(form.get("rules") ?? "[]"));
  } catch {
    return { ok: false, message: "The rules must be valid JSON (a list of rules).", fieldErrors: { rules: "is not valid JSON" } } satisfies ActionResult;
  }
  return run(() => putEscalationPolicy(actor, String(form.get("aiSystemId") ?? ""), { rules, allowAdminReview: form.get("allowAdminReview") === "on" }), (p) => `Policy saved (revision ${p.revision}).`);
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
  return run(
    () => setAiSystemLinks(actor, String(form.get("aiSystemId") ?? ""), { assetIds: ids("assetIds"), processingActivityIds: ids("processingActivityIds") }),
    (r) => (r.changed ? `Links saved: ${r.assetIds.length} asset(s), ${r.processingActivityIds.length} processing activit${r.processingActivityIds.length === 1 ? "y" : "ies"}.` : "No change."),
    ["/oversight", "/inventory"],
  );
}

export async function archiveAiSystemAction(_: unknown, form: FormData): Promise<ActionResult> {
  return archiveFormAction(form, { archive: archiveAiSystem, restore: restoreAiSystem }, "/oversight", {
    archived: "Archived: the system is out of the registry and submits no decisions; its history is kept.",
    restored: "Restored: the system is back in the registry.",
  });
}
