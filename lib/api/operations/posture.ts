import type { Operation } from "@/lib/api/openapi";
import { frameworkCoverageSchema, frameworkListSchema, frameworkSchema } from "@/lib/api/framework-schemas";
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

export const FRAMEWORK_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/frameworks",
    summary: "Control frameworks with their coverage summary (decision 520)",
    scopes: ["posture:read"],
    responses: { 200: { description: "Every framework", schema: frameworkListSchema } },
  },
  {
    method: "get",
    path: "/api/v1/frameworks/{id}",
    summary: "A framework's requirements in catalogue order (the tree via parentId)",
    scopes: ["posture:read"],
    responses: { 200: { description: "The framework", schema: frameworkSchema }, 404: { description: "No such framework" } },
  },
  {
    method: "get",
    path: "/api/v1/frameworks/{id}/coverage",
    summary: "Per requirement: status, mapped controls and unexpired evidence count",
    scopes: ["posture:read"],
    responses: { 200: { description: "The coverage", schema: frameworkCoverageSchema }, 404: { description: "No such framework" } },
  },
];
