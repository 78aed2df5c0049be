// Labels of the posture forms, shared by the server actions' error sentences and the
// inputs' labels (docs/decisions/012-one-form-pattern.md).
import type { FieldSpecs } from "@/lib/forms/issue-words";
import { AREA_LABELS, STATUS_LABELS } from "@/lib/posture/types";

export const REVIEW_FIELDS: FieldSpecs = {
  status: { label: "Status", choices: STATUS_LABELS },
  naReason: "Why it does not apply",
  comment: "Comment",
  files: "Evidence files",
  links: "Evidence links",
  "links.*": "Evidence link",
  evidenceExpiresAt: "Evidence expires on",
};

export const OVERRIDE_FIELDS: FieldSpecs = { status: { label: "Override status", choices: STATUS_LABELS }, reason: "Reason" };

export const CONTROL_FIELDS: FieldSpecs = {
  id: "Id",
  title: "Title",
  area: { label: "Area", choices: AREA_LABELS },
  description: "Description",
  citation: "Source / citation",
  owner: "Owner",
  frequencyDays: "Review every (days)",
  weight: "Weight in the score",
  manualCheck: "How to check it",
};

export const CHECKLIST_FIELDS: FieldSpecs = { name: "Name", description: "Description", controlIds: "Controls" };
