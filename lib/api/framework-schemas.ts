// Response schemas of the frameworks API (the OpenAPI document is generated from them).
import { z } from "zod";
import { LICENCES } from "@/lib/posture/frameworks/catalog-schema";
import { REQUIREMENT_STATUSES } from "@/lib/posture/frameworks/coverage";
import { CONTROL_STATUSES } from "@/lib/posture/types";

const count = z.number().int().min(0);
export const coverageSummarySchema = z
  .object({
    assessable: count, mapped: count, satisfied: count, partial: count, not_satisfied: count, not_applicable: count, unmapped: count,
    score: z.number().min(0).max(100).nullable().meta({ description: "100 × (satisfied + ½ partial) / (assessable − not applicable); decision 520" }),
  })
  .meta({ id: "CoverageSummary" });

const frameworkHeader = {
  id: z.string(), version: z.string(), title: z.string(), licence: z.enum(LICENCES),
  licenceNote: z.string(), sourceUrl: z.string().nullable(), origin: z.enum(["seed", "import"]),
};

export const frameworkListSchema = z
  .object({ frameworks: z.array(z.object({ ...frameworkHeader, coverage: coverageSummarySchema })) })
  .meta({ id: "FrameworkList" });

export const frameworkSchema = z
  .object({
    framework: z.object(frameworkHeader),
    requirements: z.array(z.object({
      id: z.string(), identifier: z.string(), title: z.string(),
      text: z.string().nullable().meta({ description: "null for outline (copyrighted) catalogues" }),
      citation: z.string().nullable(), parentId: z.string().nullable(), assessable: z.boolean(),
      attributes: z.record(z.string(), z.unknown()),
    })),
  })
  .meta({ id: "Framework" });

export const frameworkCoverageSchema = z
  .object({
    frameworkId: z.string(),
    summary: coverageSummarySchema,
    requirements: z.array(z.object({
      requirementId: z.string(), identifier: z.string(), status: z.enum(REQUIREMENT_STATUSES), reason: z.string().nullable(),
      controls: z.array(z.object({ id: z.string(), status: z.enum(CONTROL_STATUSES), evidenceCount: count })),
      evidenceCount: count.meta({ description: "Unexpired evidence on the latest reviews of the mapped controls" }),
    })),
  })
  .meta({ id: "FrameworkCoverage" });

export const mappedRequirementSchema = z.object({ requirementId: z.string(), frameworkId: z.string(), identifier: z.string(), rationale: z.string() });
