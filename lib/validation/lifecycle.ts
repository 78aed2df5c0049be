// Shared by every list that hides archived records (docs/decisions/101-records-lifecycle.md).
import { z } from "zod";

export const ARCHIVED_FILTERS = ["active", "archived", "all"] as const;
export type ArchivedFilter = (typeof ARCHIVED_FILTERS)[number];
export const archivedFilterSchema = z.enum(ARCHIVED_FILTERS).default("active").describe("active (default), archived, or all records");
