// Labels of the acknowledge form, shared by the input and the server action (decision 012).
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const ACK_FIELDS: FieldSpecs = { comment: "Comment for acknowledging this alert" };
