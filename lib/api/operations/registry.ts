// Every area's API operations, in the order they appear in the OpenAPI document.
// An area adds one import and one line here.
import type { Operation } from "@/lib/api/openapi";
import { BREACH_OPERATIONS } from "@/lib/api/operations/breaches";
import { FOUNDATION_OPERATIONS } from "@/lib/api/operations/foundation";
import { POSTURE_OPERATIONS } from "@/lib/api/operations/posture";

export const OPERATIONS: Operation[] = [
  ...FOUNDATION_OPERATIONS,
  ...BREACH_OPERATIONS,
  ...POSTURE_OPERATIONS,
];
