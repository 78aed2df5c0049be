// Labels of the review, escalate and reveal forms, shared by the inputs and the server
// actions' error sentences (docs/decisions/012-one-form-pattern.md).
import type { FieldSpecs } from "@/lib/forms/issue-words";

/** A question asked (request_info) is labelled as such on the page, so its refusal says so too. */
export function reviewFields(verdict: string | undefined): FieldSpecs {
  return { verdict: "Verdict", rationale: verdict === "request_info" ? "Your question" : "Rationale", overrideOutcome: "Outcome instead" };
}

export const ESCALATE_FIELDS: FieldSpecs = { reason: "Reason for escalating" };
