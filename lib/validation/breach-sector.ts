// Incident fields for the sector regimes and the HHS record (docs/decisions/330), kept apart from
// breaches.ts so that file's schema gains one spread.
import { z } from "zod";
import { EU_MEMBER_STATES } from "@/lib/breaches/rules/gdpr";

const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant with a time zone, e.g. 2026-03-02T10:00:00Z" });
const dateOrInstant = z.union([z.iso.date(), instant], { message: "must be a date (YYYY-MM-DD) or an ISO 8601 instant" });

/** HHS breach portal "Type of Breach" categories. */
export const HHS_BREACH_TYPES = ["hacking_it_incident", "unauthorized_access_disclosure", "theft", "loss", "improper_disposal", "other"] as const;
/** HHS breach portal "Location of Breached Information" categories. */
export const HHS_LOCATIONS = ["laptop", "desktop_computer", "network_server", "email", "other_portable_electronic_device", "electronic_medical_record", "paper_films", "other"] as const;

export const HHS_BREACH_TYPE_LABELS: Record<(typeof HHS_BREACH_TYPES)[number], string> = {
  hacking_it_incident: "Hacking/IT Incident",
  unauthorized_access_disclosure: "Unauthorized Access/Disclosure",
  theft: "Theft",
  loss: "Loss",
  improper_disposal: "Improper Disposal",
  other: "Other",
};
export const HHS_LOCATION_LABELS: Record<(typeof HHS_LOCATIONS)[number], string> = {
  laptop: "Laptop",
  desktop_computer: "Desktop Computer",
  network_server: "Network Server",
  email: "E-mail",
  other_portable_electronic_device: "Other Portable Electronic Device",
  electronic_medical_record: "Electronic Medical Record",
  paper_films: "Paper/Films",
  other: "Other",
};

const memberState = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => EU_MEMBER_STATES.includes(s), { message: "must be an EU Member State code (ISO 3166-1 alpha-2, Greece as GR)" });

export const sectorIncidentFields = {
  /** SEC Form 8-K Item 1.05: when the incident was determined material. */
  materialityDeterminedAt: instant.nullable().optional(),
  /** Item 1.05(c): Attorney General delay until this date or instant. */
  secDelayUntil: dateOrInstant.nullable().optional(),
  /** DORA: when the incident was classified as major. */
  doraMajorClassifiedAt: instant.nullable().optional(),
  /** NIS2 Art. 23(3): false = assessed as not significant; absent/null = taken as significant. */
  nis2Significant: z.boolean().nullable().optional(),
  /** EU AI Act Art. 73: Member State(s) where the serious incident occurred. */
  aiMemberStates: z.array(memberState).max(27).optional(),
  hhsBreachType: z.array(z.enum(HHS_BREACH_TYPES)).max(HHS_BREACH_TYPES.length).optional(),
  hhsLocation: z.array(z.enum(HHS_LOCATIONS)).max(HHS_LOCATIONS.length).optional(),
};

export const sectorFactsSchema = z.object({
  materialityDeterminedAt: z.string().nullable(),
  secDelayUntil: z.string().nullable(),
  doraMajorClassifiedAt: z.string().nullable(),
  nis2Significant: z.boolean().nullable(),
  aiMemberStates: z.array(z.string()),
  hhsBreachType: z.array(z.string()),
  hhsLocation: z.array(z.string()),
});
export type SectorFacts = z.infer<typeof sectorFactsSchema>;
