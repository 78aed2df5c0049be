import type { Operation } from "@/lib/api/openapi";
import { organisationProfileDtoSchema, organisationProfileUpdateSchema } from "@/lib/validation/organisation";

export const ORGANISATION_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/organisation",
    summary: "The organisation profile: legal name, DPO contact, time zone, main establishment and the sector facts the breach rules read (docs/decisions/330)",
    scopes: ["organisation:read"],
    responses: { 200: { description: "The profile (defaults from the legacy settings before the first save)", schema: organisationProfileDtoSchema } },
  },
  {
    method: "put",
    path: "/api/v1/organisation",
    summary: "Change the organisation profile (fields left out keep their value); recomputes the obligations of every incident not closed (sent rows stay frozen). Needs a key bound to an admin user",
    scopes: ["organisation:write"],
    body: organisationProfileUpdateSchema,
    responses: {
      200: { description: "The saved profile; `recomputed` counts the incidents whose obligations changed", schema: organisationProfileDtoSchema },
      403: { description: "The key is not bound to an admin user" },
      422: { description: "Invalid field (named in the message and details), e.g. an unknown IANA time zone" },
    },
  },
];
