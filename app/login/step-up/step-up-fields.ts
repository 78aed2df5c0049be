// The step-up form's label, shared by the input and the action's error sentence
// (docs/decisions/012-one-form-pattern.md). The code is never sent back into the page.
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const STEP_UP_FIELDS: FieldSpecs = { code: "Authentication code" };
export const STEP_UP_SECRETS = ["code"] as const;
