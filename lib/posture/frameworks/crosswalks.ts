// Seeded requirement ↔ requirement crosswalks, each row citing the public crosswalk it comes from.
import { z } from "zod";
import raw from "./catalogs/crosswalks.json";

export const MAPPING_RELATIONSHIPS = ["equivalent", "subset", "superset", "related"] as const;
export const crosswalkSchema = z.object({
  from: z.string().min(3).max(200),
  to: z.string().min(3).max(200),
  relationship: z.enum(MAPPING_RELATIONSHIPS),
  source: z.string().trim().min(3).max(500),
});
export type Crosswalk = z.infer<typeof crosswalkSchema>;

export const SEEDED_CROSSWALKS: readonly Crosswalk[] = z.array(crosswalkSchema).parse(raw);
