// The shape of a framework catalogue (seed JSON files, OSCAL imports after conversion).
import { z } from "zod";

export const LICENCES = ["public", "outline"] as const;
export type Licence = (typeof LICENCES)[number];

const identifier = z.string().trim().min(1).max(120);
export const catalogRequirementSchema = z.object({
  identifier,
  title: z.string().trim().min(1).max(500),
  text: z.string().max(20_000).optional(),
  citation: z.string().max(500).optional(),
  parent: identifier.optional(),
  assessable: z.boolean().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export const catalogSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,63}$/, "lower-case letters, digits, '.' and '-'"),
    version: z.string().trim().min(1).max(200),
    title: z.string().trim().min(1).max(300),
    licence: z.enum(LICENCES),
    licenceNote: z.string().trim().min(1).max(1000),
    sourceUrl: z.string().url().optional(),
    requirements: z.array(catalogRequirementSchema).min(1).max(5_000),
  })
  .superRefine((c, ctx) => {
    // Parents must come first and identifiers be unique, so the tree is built in one pass.
    const seen = new Set<string>();
    c.requirements.forEach((r, i) => {
      if (seen.has(r.identifier)) ctx.addIssue({ code: "custom", path: ["requirements", i, "identifier"], message: `duplicate identifier ${r.identifier}` });
      if (r.parent && !seen.has(r.parent)) ctx.addIssue({ code: "custom", path: ["requirements", i, "parent"], message: `parent ${r.parent} is not listed before ${r.identifier}` });
      if (c.licence === "outline" && r.text) ctx.addIssue({ code: "custom", path: ["requirements", i, "text"], message: "an outline catalogue carries no requirement text" });
      seen.add(r.identifier);
    });
  });
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogRequirement = z.infer<typeof catalogRequirementSchema>;

/** Requirement ids are unique across frameworks: "<framework>:<identifier>". */
export function requirementId(frameworkId: string, identifier: string): string {
  return `${frameworkId}:${identifier}`;
}
