// Labels of the admin and account forms, shared by the inputs and their server actions so a
// refusal names each field as the page does (docs/decisions/012-one-form-pattern.md).
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { AlertThresholds } from "@/lib/alerts/rules";
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const USER_FIELDS: FieldSpecs = {
  name: "Name",
  email: "Email",
  role: { label: "Role", choices: ROLE_LABELS },
  password: "Initial password",
};

export const API_KEY_FIELDS: FieldSpecs = {
  name: "Name",
  userEmail: "Acts as you (optional)",
  scopes: "Scopes",
};

export const SCIM_TOKEN_FIELDS: FieldSpecs = { name: "Token name" };

export const WEBHOOK_FIELDS: FieldSpecs = { url: "Endpoint URL", events: "Events" };

/** Form names are the API's paths ("dpo.email"), so errors land on their field unchanged. */
export const ORGANISATION_FIELDS: FieldSpecs = {
  legalName: "Legal name",
  timeZone: "Time zone (IANA)",
  "dpo.name": "DPO or contact point: name",
  "dpo.email": "DPO e-mail",
  "dpo.phone": "DPO telephone",
  "dpo.address": "DPO postal address",
  mainEstablishment: "EU/EEA main establishment",
  "nis2.entityType": { label: "NIS2 entity type", choices: { essential: "Essential entity", important: "Important entity" } },
  "nis2.memberStates": "NIS2 Member States",
};

export const ALERT_FIELDS: Readonly<Record<keyof AlertThresholds, string>> = {
  failedSigninsPerAccount: "Failed sign-ins per account",
  failedSigninsPerIp: "Failed sign-ins per address",
  failedSigninsWindowMinutes: "… within minutes",
  exportFactor: "Exports: times the user's daily mean",
  exportMinimum: "Exports: at least per day",
  unusualHourMinHistory: "Unusual hours: sign-ins of history needed",
  permissionDeniedPerActor: "Permission denials per actor",
  permissionDeniedWindowMinutes: "… within minutes",
};

export const PASSWORD_FIELDS: FieldSpecs = { currentPassword: "Current password", newPassword: "New password" };

export const MFA_CODE_FIELDS: FieldSpecs = { code: "Code from the app", currentPassword: "Your current password" };

export const RECOVERY_FIELDS: FieldSpecs = { code: "Current code from your app" };

/** Secrets never sent back into the page after a refusal. */
export const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "code"] as const;
