// Labels of the password-reset forms, shared by the inputs and the server actions' error
// sentences (docs/decisions/012-one-form-pattern.md). The token and the new password are
// never sent back into the page.
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const FORGOT_FIELDS: FieldSpecs = { email: "Email" };
export const RESET_FIELDS: FieldSpecs = { newPassword: "New password" };
export const RESET_SECRETS = ["token", "newPassword"] as const;
