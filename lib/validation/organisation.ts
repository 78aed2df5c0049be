// The organisation profile (docs/decisions/330): PUT /api/v1/organisation and the Admin form.
import { z } from "zod";
import { NIS2_ENTITY_TYPES } from "@/lib/breaches/organisation";
import { EU_MEMBER_STATES } from "@/lib/breaches/rules/gdpr";
import { rejectUnsafeText } from "@/lib/validation/safe-input";

const text = (max: number) => z.string().trim().max(max).superRefine(rejectUnsafeText);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 country code, e.g. IE")
  .transform((s) => s.toUpperCase());

const memberState = country.refine((s) => EU_MEMBER_STATES.includes(s), { message: "must be an EU Member State code (Greece as GR)" });

export const organisationProfileSchema = z.object({
  legalName: text(200).min(1, "is required"),
  dpo: z.object({
    name: text(200),
    email: z.union([z.literal(""), z.email("must be an e-mail address")]),
    phone: text(50),
    address: text(500),
  }),
  timeZone: z.string().trim().refine(isTimeZone, { message: "must be an IANA time zone, e.g. Europe/Dublin" }),
  mainEstablishment: country.nullable(),
  listedInUS: z.boolean(),
  nis2: z.object({ entityType: z.enum(NIS2_ENTITY_TYPES), memberStates: z.array(memberState).min(1, "needs at least one Member State").max(27) }).nullable(),
  doraFinancialEntity: z.boolean(),
  nydfsCovered: z.boolean(),
  ftcSafeguardsFinancialInstitution: z.boolean(),
  phrVendor: z.boolean(),
  californiaLicensedHealthFacility: z.boolean(),
});
export type OrganisationProfileInput = z.infer<typeof organisationProfileSchema>;

/**
 * PUT body: the fields sent replace the stored ones; fields left out keep their stored value
 * (so a client setting one fact does not reset the others). Unknown keys are dropped.
 */
export const organisationProfileUpdateSchema = organisationProfileSchema.extend({
  dpo: organisationProfileSchema.shape.dpo.partial(),
}).partial();

export const organisationProfileDtoSchema = organisationProfileSchema.extend({
  version: z.number(),
  updatedAt: z.string().nullable(),
  recomputed: z.number().optional(),
});
export type OrganisationProfileDto = z.infer<typeof organisationProfileDtoSchema>;
