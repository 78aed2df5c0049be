import type { Operation } from "@/lib/api/openapi";
import { controlListSchema, postureSeriesSchema } from "@/lib/api/posture-schemas";
import { controlFilterSchema, postureQuerySchema } from "@/lib/validation/posture";

export const POSTURE_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/posture",
    summary: "Posture score snapshots over time (overall and per area; seeded demo history is flagged)",
    scopes: ["posture:read"],
    query: postureQuerySchema,
    responses: { 200: { description: "The snapshot series", schema: postureSeriesSchema } },
  },
  {
    method: "get",
    path: "/api/v1/controls",
    summary: "Controls of the catalogue with their current status and automated test result",
    scopes: ["posture:read"],
    query: controlFilterSchema,
    responses: { 200: { description: "A page of controls", schema: controlListSchema } },
  },
];
