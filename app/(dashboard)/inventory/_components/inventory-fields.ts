// Labels of the inventory forms, shared by the inputs and the server actions so a refusal
// names each field as the page does (docs/decisions/012-one-form-pattern.md).
import type { FieldSpecs } from "@/lib/forms/issue-words";
import { ACCESS_CONTROL_MODELS, ACTIVITY_ROLES, BACKUP_POLICIES, DELETION_METHODS, DPIA_STATUSES, ENCRYPTION_AT_REST, ENCRYPTION_IN_TRANSIT, HOSTING, LAWFUL_BASES, RECIPIENT_KINDS, TRANSFER_SAFEGUARDS, VOLUME_BANDS } from "@/lib/inventory/catalogue";

const choices = (pairs: readonly (readonly [string, string])[]) => Object.fromEntries(pairs);

const REVIEW: FieldSpecs = {
  reviewIntervalMonths: "Review every (months)",
  nextReviewAt: "Next review",
};

export const ASSET_FIELDS: FieldSpecs = {
  name: "Name",
  ownerId: "Owner",
  description: "Description",
  businessUnit: "Business unit",
  hosting: { label: "Hosting", choices: choices(HOSTING) },
  hostingProvider: "Provider / vendor",
  locations: { label: "Locations" },
  dataCategories: "Data categories held",
  subjectCategories: "Data subjects",
  volumeBand: { label: "Volume", choices: choices(VOLUME_BANDS) },
  encryptionAtRest: { label: "Encryption at rest", choices: choices(ENCRYPTION_AT_REST) },
  encryptionInTransit: { label: "Encryption in transit", choices: choices(ENCRYPTION_IN_TRANSIT) },
  accessControl: { label: "Access control", choices: choices(ACCESS_CONTROL_MODELS) },
  backup: { label: "Backup", choices: choices(BACKUP_POLICIES) },
  lastPenTestAt: "Last penetration test",
  mfaEnforced: "MFA enforced",
  loggingEnabled: "Logging / monitoring enabled",
  retentionMonths: "Retention period (months)",
  deletionMethod: { label: "Deletion method", choices: choices(DELETION_METHODS) },
  ...REVIEW,
};

export const ACTIVITY_FIELDS: FieldSpecs = {
  name: "Name",
  role: { label: "Our role", choices: choices(ACTIVITY_ROLES) },
  description: "Description",
  controllerName: "Controller",
  controllerContact: "Contact details",
  onBehalfOf: "On behalf of (controller)",
  jointControllers: "Joint controller(s)",
  representative: "Representative (Art. 27)",
  dpoContact: "Data protection officer",
  purposes: "Purposes",
  "purposes.*": "Purpose",
  "purposes.*.purpose": "Purpose",
  "purposes.*.lawfulBasis": { label: "Lawful basis", choices: choices(LAWFUL_BASES) },
  subjectCategories: "Categories of data subjects",
  dataCategories: "Categories of personal data",
  art9Condition: "Art. 9(2) condition",
  recipients: "Recipients",
  "recipients.*": "Recipient",
  "recipients.*.name": "Name",
  "recipients.*.kind": { label: "Kind", choices: choices(RECIPIENT_KINDS) },
  transfers: "Transfers",
  "transfers.*": "Transfer",
  "transfers.*.country": "Country",
  "transfers.*.recipient": "Recipient",
  "transfers.*.safeguard": { label: "Safeguard", choices: choices(TRANSFER_SAFEGUARDS) },
  erasureTimeLimit: "Time limits for erasure",
  dpiaRequired: "DPIA required (Art. 35)",
  dpiaStatus: { label: "DPIA status", choices: choices(DPIA_STATUSES) },
  securityMeasures: "Technical and organisational security measures",
  assetIds: "Systems / assets used",
  ...REVIEW,
};

export const REVIEW_FIELDS: FieldSpecs = { comment: "Review comment" };
