// Every area's API operations, in the order they appear in the OpenAPI document.
// An area adds one import and one line here.
import type { Operation } from "@/lib/api/openapi";
import { BREACH_OPERATIONS } from "@/lib/api/operations/breaches";
import { CONSENT_OPERATIONS } from "@/lib/api/operations/consent";
import { FOUNDATION_OPERATIONS } from "@/lib/api/operations/foundation";
import { INVENTORY_OPERATIONS } from "@/lib/api/operations/inventory";
import { ORGANISATION_OPERATIONS } from "@/lib/api/operations/organisation";
import { OPS_OPERATIONS } from "@/lib/api/operations/operations";
import { OVERSIGHT_OPERATIONS } from "@/lib/api/operations/oversight";
import { FRAMEWORK_OPERATIONS, POSTURE_OPERATIONS } from "@/lib/api/operations/posture";
import { WEBHOOK_OPERATIONS } from "@/lib/api/operations/webhooks";

export const OPERATIONS: Operation[] = [
  ...FOUNDATION_OPERATIONS,
  ...INVENTORY_OPERATIONS,
  ...CONSENT_OPERATIONS,
  ...BREACH_OPERATIONS,
  ...OVERSIGHT_OPERATIONS,
  ...POSTURE_OPERATIONS,
  ...ORGANISATION_OPERATIONS,
  ...OPS_OPERATIONS,
  ...FRAMEWORK_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
];
