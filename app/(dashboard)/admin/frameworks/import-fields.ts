// Labels of the framework import form, shared by its inputs and its server action (decision 012).
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const FRAMEWORK_IMPORT_FIELDS: FieldSpecs = {
  file: "File (OSCAL catalog or profile JSON, or catalogue JSON; up to 5 MB)",
  id: { label: "Framework id (optional)", format: "may use only lower-case letters, digits, '.' and '-'" },
  source: "For a profile: the imported catalog it selects from",
};
