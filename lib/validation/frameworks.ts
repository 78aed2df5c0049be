// Input of the framework mapping editor (server actions and tests).
import { z } from "zod";
import { MAPPING_RELATIONSHIPS } from "@/lib/posture/frameworks/crosswalks";

const requirementRef = z.string().trim().min(3).max(200);
const controlRef = z.string().trim().min(1).max(64);
const reason = z.string().trim().min(3, "give a reason of at least 3 characters").max(2000);

export const mapControlSchema = z.object({ controlId: controlRef, requirementId: requirementRef, rationale: reason });
export const unmapControlSchema = z.object({ controlId: controlRef, requirementId: requirementRef });
export const applicabilitySchema = z.discriminatedUnion("applicable", [
  z.object({ requirementId: requirementRef, applicable: z.literal(true) }),
  z.object({ requirementId: requirementRef, applicable: z.literal(false), reason }),
]);
export const crosswalkInputSchema = z.object({
  fromId: requirementRef, toId: requirementRef, relationship: z.enum(MAPPING_RELATIONSHIPS).default("related"),
  source: z.string().trim().min(3, "cite the crosswalk's source").max(500),
}).refine((x) => x.fromId !== x.toId, { path: ["toId"], message: "a requirement cannot map to itself" });
export const crosswalkIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
