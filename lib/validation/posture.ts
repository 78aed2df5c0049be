// Input schemas of the posture area, shared by forms, server actions and the API.
import { z } from "zod";
import { archivedFilterSchema } from "@/lib/validation/lifecycle";
import { AREAS, CONTROL_STATUSES, FRAMEWORKS, REVIEW_STATUSES } from "@/lib/posture/types";
import { RANGES } from "@/lib/posture/history";

export { EVIDENCE_MAX_BYTES } from "@/lib/upload-limits";
export const EVIDENCE_CONTENT_TYPES = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "text/plain": ".txt",
  "text/csv": ".csv",
  "application/json": ".json",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
} as const;
export type EvidenceContentType = keyof typeof EVIDENCE_CONTENT_TYPES;
export function isEvidenceContentType(v: string): v is EvidenceContentType {
  return Object.prototype.hasOwnProperty.call(EVIDENCE_CONTENT_TYPES, v);
}

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

export const controlIdSchema = z.string().trim().min(1).max(64);

export const evidenceLinkSchema = z
  .url({ protocol: /^https?$/, message: "must be an http(s) link" })
  .max(2000);

export const reviewControlSchema = z
  .object({
    controlId: controlIdSchema,
    checklistId: optionalText(64),
    status: z.enum(REVIEW_STATUSES, { message: "choose a status" }),
    comment: optionalText(4000),
    naReason: optionalText(1000),
    links: z.array(evidenceLinkSchema).max(10).default([]),
    // When the attached evidence stops being valid (a certificate, a pen-test report); decision 520.
    evidenceExpiresAt: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.date({ message: "a date" }).optional()),
  })
  .refine((r) => r.status !== "not_applicable" || !!r.naReason, { path: ["naReason"], message: "give the reason it does not apply" });
export type ReviewControlInput = z.infer<typeof reviewControlSchema>;

export const overrideControlSchema = z
  .object({
    controlId: controlIdSchema,
    status: z.preprocess((v) => (v === "" ? null : v), z.enum(REVIEW_STATUSES).nullable()),
    reason: optionalText(1000),
  })
  .refine((o) => o.status === null || !!o.reason, { path: ["reason"], message: "an override needs a reason" });

export const updateControlSchema = z.object({
  controlId: controlIdSchema,
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().min(3).max(4000),
  owner: optionalText(200),
  frequencyDays: z.coerce.number().int().min(1, "at least 1 day").max(3650),
  weight: z.coerce.number().int().min(0).max(10),
  expectedVersion: z.coerce.number().int().min(0),
});

export const createChecklistSchema = z.object({
  name: z.string().trim().min(3, "at least 3 characters").max(120),
  description: optionalText(1000),
  controlIds: z.array(controlIdSchema).min(1, "select at least one control").max(500),
});

export const controlFilterSchema = z.object({
  area: z.enum(AREAS).optional(),
  framework: z.enum(FRAMEWORKS).optional(),
  status: z.enum([...CONTROL_STATUSES, "overdue", "failing"] as const).optional(),
  archived: archivedFilterSchema,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ControlFilter = z.infer<typeof controlFilterSchema>;

export const postureQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  area: z.enum(["overall", ...AREAS] as const).optional(),
  range: z.enum(RANGES).optional(),
});
export type PostureQuery = z.infer<typeof postureQuerySchema>;

export const createControlSchema = z.object({
  id: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9().\-]{1,40}$/, "use letters, digits, dots, dashes and brackets, e.g. ORG-BACKUP-1"),
  title: z.string().trim().min(3, "at least 3 characters").max(200),
  description: z.string().trim().min(3, "at least 3 characters").max(4000),
  area: z.enum(AREAS, { message: "choose an area" }),
  citation: z.string().trim().min(2, "give the source (policy, contract or law)").max(300),
  owner: optionalText(200),
  frequencyDays: z.coerce.number().int().min(1, "at least 1 day").max(3650),
  weight: z.coerce.number().int().min(0).max(10).default(1),
  manualCheck: z.string().trim().min(3, "say how a reviewer checks it").max(2000),
});
