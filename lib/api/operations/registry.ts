// Every area's API operations, in the order they appear in the OpenAPI document.
// An area adds one import and one spread here.
import type { Operation } from "@/lib/api/openapi";
import { FOUNDATION_OPERATIONS } from "@/lib/api/operations/foundation";
import { CONSENT_OPERATIONS } from "@/lib/api/operations/consent";

export const OPERATIONS: Operation[] = [...FOUNDATION_OPERATIONS, ...CONSENT_OPERATIONS];
