// One zod schema per inventory input, shared by the forms (server actions), the machine
// API (/api/v1/assets, /api/v1/processing-activities), the CSV import and the OpenAPI
// document.
import { z } from "zod";
import { rejectUnsafeText } from "@/lib/validation/safe-input";
import { archivedFilterSchema } from "@/lib/validation/lifecycle";
import {
  ACCESS_CONTROL_MODELS,
  ACTIVITY_ROLES,
  ART9_CONDITIONS,
  BACKUP_POLICIES,
  codes,
  DATA_CATEGORY_CODES,
  DELETION_METHODS,
  DPIA_STATUSES,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  HOSTING,
  LAWFUL_BASES,
  RECIPIENT_KINDS,
  SUBJECT_CATEGORY_CODES,
  TRANSFER_SAFEGUARDS,
  VOLUME_BANDS,
} from "@/lib/inventory/catalogue";
import { isCountryCode } from "@/lib/inventory/countries";

const text = (max: number) => z.string().trim().max(max).superRefine(rejectUnsafeText);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const uniqueList = <T extends z.ZodType<string>>(item: T, max = 50) =>
  z.array(item).max(max).transform((v) => [...new Set(v)]);
const dateOnly = z.iso.date("must be a date (YYYY-MM-DD)");

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: "is not a two-letter country code (ISO 3166-1 alpha-2, e.g. DE, US)" });

export const hostingSchema = z.enum(codes(HOSTING));
export const encryptionAtRestSchema = z.enum(codes(ENCRYPTION_AT_REST));
export const encryptionInTransitSchema = z.enum(codes(ENCRYPTION_IN_TRANSIT));
export const lawfulBasisSchema = z.enum(codes(LAWFUL_BASES));
export const art9ConditionSchema = z.enum(codes(ART9_CONDITIONS));
export const dataCategorySchema = z.enum(DATA_CATEGORY_CODES, { message: "is not a known data category" });
export const subjectCategorySchema = z.enum(SUBJECT_CATEGORY_CODES, { message: "is not a known data-subject category" });

const assetFields = {
  name: text(200).min(1, "is required"),
  description: optionalText(2000),
  ownerId: z.string().trim().max(100).nullish().transform((v) => v || null),
  businessUnit: optionalText(200),
  hosting: hostingSchema,
  hostingProvider: optionalText(200),
  locations: uniqueList(countryCodeSchema, 60),
  dataCategories: uniqueList(dataCategorySchema),
  subjectCategories: uniqueList(subjectCategorySchema),
  volumeBand: z.enum(codes(VOLUME_BANDS)).nullish().transform((v) => v ?? null),
  encryptionAtRest: encryptionAtRestSchema,
  encryptionInTransit: encryptionInTransitSchema,
  accessControl: z.enum(codes(ACCESS_CONTROL_MODELS)),
  mfaEnforced: z.boolean(),
  loggingEnabled: z.boolean(),
  lastPenTestAt: dateOnly.nullish().transform((v) => v ?? null),
  backup: z.enum(codes(BACKUP_POLICIES)),
  retentionMonths: z.number().int().min(1, "must be at least 1 month").max(1200).nullish().transform((v) => v ?? null),
  deletionMethod: z.enum(codes(DELETION_METHODS)),
  reviewIntervalMonths: z.number().int().min(1).max(36).default(12),
  nextReviewAt: dateOnly.nullish().transform((v) => v ?? null),
};

export const assetInputSchema = z.object(assetFields).meta({ id: "AssetInput" });
export type AssetInput = z.infer<typeof assetInputSchema>;

const versioned = { version: z.number().int().min(0).optional().describe("Send the version you read to refuse a concurrent edit (409).") };

// PATCH: every field optional; fields with defaults must not reappear as defaults.
export const assetPatchSchema = z
  .object({ ...assetFields, reviewIntervalMonths: z.number().int().min(1).max(36) })
  .partial()
  .extend(versioned)
  .strict()
  .meta({ id: "AssetPatch" });
export type AssetPatch = z.infer<typeof assetPatchSchema>;

export const purposeSchema = z.object({
  purpose: text(500).min(1, "is required"),
  lawfulBasis: lawfulBasisSchema.nullish().transform((v) => v ?? null),
});
export const recipientSchema = z.object({
  name: text(200).min(1, "is required"),
  kind: z.enum(codes(RECIPIENT_KINDS)),
});
export const transferSchema = z.object({
  country: countryCodeSchema,
  recipient: optionalText(200),
  safeguard: z.enum(codes(TRANSFER_SAFEGUARDS)),
});

const activityFields = {
  name: text(200).min(1, "is required"),
  description: optionalText(2000),
  role: z.enum(codes(ACTIVITY_ROLES)).default("controller"),
  // Art. 30(1)(a) / 30(2)(a)
  controllerName: text(200).min(1, "is required"),
  controllerContact: optionalText(500),
  jointControllers: optionalText(500),
  representative: optionalText(500),
  dpoContact: optionalText(500),
  onBehalfOf: optionalText(500),
  // Art. 30(1)(b) and Art. 6(1) per purpose
  purposes: z.array(purposeSchema).max(30),
  art9Condition: art9ConditionSchema.nullish().transform((v) => v ?? null),
  // Art. 30(1)(c)
  subjectCategories: uniqueList(subjectCategorySchema),
  dataCategories: uniqueList(dataCategorySchema),
  // Art. 30(1)(d)
  recipients: z.array(recipientSchema).max(50),
  // Art. 30(1)(e)
  transfers: z.array(transferSchema).max(50),
  // Art. 30(1)(f)
  erasureTimeLimit: optionalText(500),
  // Art. 30(1)(g)
  securityMeasures: optionalText(4000),
  // Art. 35
  dpiaRequired: z.boolean(),
  dpiaStatus: z.enum(codes(DPIA_STATUSES)).default("not_started"),
  assetIds: uniqueList(z.string().trim().min(1).max(100), 100),
  reviewIntervalMonths: z.number().int().min(1).max(36).default(12),
  nextReviewAt: dateOnly.nullish().transform((v) => v ?? null),
};

export const activityInputSchema = z.object(activityFields).meta({ id: "ProcessingActivityInput" });
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const activityPatchSchema = z
  .object({ ...activityFields, role: z.enum(codes(ACTIVITY_ROLES)), dpiaStatus: z.enum(codes(DPIA_STATUSES)), reviewIntervalMonths: z.number().int().min(1).max(36) })
  .partial()
  .extend(versioned)
  .strict()
  .meta({ id: "ProcessingActivityPatch" });
export type ActivityPatch = z.infer<typeof activityPatchSchema>;

export const reviewInputSchema = z.object({
  comment: text(2000).min(1, "say what you checked"),
});

const limit = z.coerce.number().int().min(1).max(200).default(50);
const sortDir = z.enum(["asc", "desc"]).default("asc");

export const assetQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe("Search in name, description and business unit"),
  hosting: hostingSchema.optional(),
  category: dataCategorySchema.optional().describe("Holds this data category"),
  encryptionAtRest: encryptionAtRestSchema.optional(),
  ownerId: z.string().trim().max(100).optional(),
  archived: archivedFilterSchema,
  sort: z.enum(["name", "updatedAt", "nextReviewAt"]).default("name"),
  dir: sortDir,
  cursor: z.string().trim().max(100).optional().describe("nextCursor from the previous page"),
  limit,
});
export type AssetQuery = z.infer<typeof assetQuerySchema>;

export const activityQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe("Search in name, description and controller"),
  role: z.enum(codes(ACTIVITY_ROLES)).optional(),
  lawfulBasis: lawfulBasisSchema.optional(),
  category: dataCategorySchema.optional(),
  assetId: z.string().trim().max(100).optional().describe("Uses this asset"),
  archived: archivedFilterSchema,
  sort: z.enum(["name", "updatedAt", "nextReviewAt"]).default("name"),
  dir: sortDir,
  cursor: z.string().trim().max(100).optional().describe("nextCursor from the previous page"),
  limit,
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;
