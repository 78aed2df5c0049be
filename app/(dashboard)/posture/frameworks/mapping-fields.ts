// Labels of the framework page's forms, shared by the inputs and the server actions so a
// refusal names each field as the page does (docs/decisions/012-one-form-pattern.md).
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const MAPPING_FIELDS: FieldSpecs = { controlId: "Control", requirementId: "Requirement", rationale: "Rationale" };
export const APPLICABILITY_FIELDS: FieldSpecs = { requirementId: "Requirement", reason: "Reason it does not apply", applicable: "Applicable" };
export const CROSSWALK_FIELDS: FieldSpecs = { fromId: "From requirement id", toId: "To requirement id", source: "Source (citation)", relationship: "Relationship", id: "Crosswalk" };
