// Response schemas of the inventory API (requests use lib/validation/inventory.ts).
import { z } from "zod";
import { activityInputSchema, assetInputSchema } from "@/lib/validation/inventory";

export const findingSchema = z
  .object({
    rule: z.string().meta({ example: "personal_data_not_encrypted_at_rest" }),
    title: z.string(),
    citation: z.string().meta({ example: "GDPR Art. 32(1)(a)" }),
    severity: z.enum(["high", "medium", "low"]),
    recordKind: z.enum(["asset", "activity"]),
    recordId: z.string(),
    recordName: z.string(),
    detail: z.string(),
  })
  .meta({ id: "InventoryFinding" });

const recordMeta = {
  id: z.string(),
  lastReviewedAt: z.iso.datetime().nullable(),
  reviewOverdue: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  archivedAt: z.iso.datetime().nullable().describe("When the record was archived (null: active)"),
  archivedBy: z.string().nullable(),
  findings: z.array(findingSchema),
};

export const assetSchema = assetInputSchema
  .extend({
    ...recordMeta,
    owner: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    activities: z.array(z.object({ id: z.string(), name: z.string() })).optional().describe("Processing activities that use this asset (single-asset reads)"),
  })
  .meta({ id: "Asset" });

export const activitySchema = activityInputSchema
  .extend({ ...recordMeta, assets: z.array(z.object({ id: z.string(), name: z.string() })) })
  .meta({ id: "ProcessingActivity" });

export const assetPageSchema = z
  .object({ items: z.array(assetSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .meta({ id: "AssetPage" });
export const activityPageSchema = z
  .object({ items: z.array(activitySchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .meta({ id: "ProcessingActivityPage" });
