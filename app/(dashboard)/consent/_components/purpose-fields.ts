// Labels of the consent purpose forms, shared by the inputs and the server actions' error
// sentences (docs/decisions/012-one-form-pattern.md).
import type { FieldSpecs } from "@/lib/forms/issue-words";
import { LAWFUL_BASIS_LABELS } from "@/lib/validation/consent";

/** Said as the field's hint, the browser's tooltip and the server's refusal. */
export const PURPOSE_KEY_RULE = "may use only lowercase letters, digits and _, start with a letter and be 2-64 characters long (e.g. marketing_email)";

export const PURPOSE_FIELDS: FieldSpecs = {
  key: { label: "Purpose key", format: PURPOSE_KEY_RULE },
  title: "Title",
  lawfulBasis: { label: "Lawful basis", choices: LAWFUL_BASIS_LABELS },
  evidenceRetentionDays: "Evidence retention (days)",
  description: "Description",
  saleOrShare: "Sale or sharing",
  noticeText: "Notice text (version 1)",
};

export const RETENTION_FIELDS: FieldSpecs = { evidenceRetentionDays: "Evidence retention (days)", purposeKey: "Purpose key" };

export const SUBJECT_FIELDS: FieldSpecs = { identifier: "Subject identifier" };

export const NOTICE_FIELDS: FieldSpecs = { text: "New notice text", purposeKey: "Purpose key" };
