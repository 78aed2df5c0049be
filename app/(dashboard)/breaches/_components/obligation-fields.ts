// Labels of the obligation and timeline forms, shared by the inputs and the server
// actions' error sentences (docs/decisions/012-one-form-pattern.md).
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const SENT_FIELDS: FieldSpecs = { sentAt: "Sent at", reference: "Reference", reason: "Reason for the delay" };
export const STATUS_FIELDS: FieldSpecs = { status: "Status", reason: "Reason" };
export const TIMELINE_FIELDS: FieldSpecs = { at: "When", action: "What was done", performedBy: "By whom" };
