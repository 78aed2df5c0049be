import type { Operation } from "@/lib/api/openapi";
import { activityPageSchema, activitySchema, assetPageSchema, assetSchema } from "@/lib/api/inventory";
import { archiveOperations } from "@/lib/api/lifecycle";
import { errorSchema } from "@/lib/api/schemas";
import { activityInputSchema, activityPatchSchema, activityQuerySchema, assetInputSchema, assetPatchSchema, assetQuerySchema } from "@/lib/validation/inventory";

const invalid = { description: "Invalid input; details name each field", schema: errorSchema };
const notFound = { description: "No such record", schema: errorSchema };
const conflict = { description: "Stale version, or Idempotency-Key reused with another body (CONFLICT), or its first request is still being processed (IDEMPOTENCY_IN_FLIGHT: retry)", schema: errorSchema };

export const INVENTORY_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/assets",
    summary: "Systems and data assets, cursor-paginated, with their gap findings",
    scopes: ["inventory:read"],
    query: assetQuerySchema,
    responses: { 200: { description: "A page of assets", schema: assetPageSchema }, 422: invalid },
  },
  {
    method: "post",
    idempotent: true,
    path: "/api/v1/assets",
    summary: "Create an asset (send Idempotency-Key to retry safely)",
    scopes: ["inventory:write"],
    body: assetInputSchema,
    responses: { 201: { description: "The created asset", schema: assetSchema }, 409: conflict, 422: invalid },
  },
  {
    method: "get",
    path: "/api/v1/assets/{id}",
    summary: "One asset with the processing activities that use it",
    scopes: ["inventory:read"],
    responses: { 200: { description: "The asset", schema: assetSchema }, 404: notFound },
  },
  {
    method: "patch",
    path: "/api/v1/assets/{id}",
    summary: "Change some fields of an asset (send version to refuse a concurrent edit)",
    scopes: ["inventory:write"],
    body: assetPatchSchema,
    responses: { 200: { description: "The updated asset", schema: assetSchema }, 404: notFound, 409: conflict, 422: invalid },
  },
  ...archiveOperations("/api/v1/assets", "asset", ["inventory:write"]),
  {
    method: "get",
    path: "/api/v1/processing-activities",
    summary: "GDPR Art. 30 records of processing, cursor-paginated, with their gap findings",
    scopes: ["inventory:read"],
    query: activityQuerySchema,
    responses: { 200: { description: "A page of processing activities", schema: activityPageSchema }, 422: invalid },
  },
  {
    method: "post",
    idempotent: true,
    path: "/api/v1/processing-activities",
    summary: "Create a processing activity (send Idempotency-Key to retry safely)",
    scopes: ["inventory:write"],
    body: activityInputSchema,
    responses: { 201: { description: "The created record", schema: activitySchema }, 409: conflict, 422: invalid },
  },
  {
    method: "get",
    path: "/api/v1/processing-activities/{id}",
    summary: "One processing activity",
    scopes: ["inventory:read"],
    responses: { 200: { description: "The record", schema: activitySchema }, 404: notFound },
  },
  {
    method: "patch",
    path: "/api/v1/processing-activities/{id}",
    summary: "Change some fields of a processing activity (send version to refuse a concurrent edit)",
    scopes: ["inventory:write"],
    body: activityPatchSchema,
    responses: { 200: { description: "The updated record", schema: activitySchema }, 404: notFound, 409: conflict, 422: invalid },
  },
  ...archiveOperations("/api/v1/processing-activities", "processing activity", ["inventory:write"]),
];
