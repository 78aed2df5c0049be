// Archive and restore operations, declared the same way for every area that has them
// (docs/decisions/101-records-lifecycle.md). Both answer 200 with the record's archive
// state and are safe to repeat: archiving an archived record changes nothing.
import { z } from "zod";
import type { Operation } from "@/lib/api/openapi";
import { errorSchema } from "@/lib/api/schemas";

export const archiveStateSchema = z
  .object({ id: z.string(), archivedAt: z.iso.datetime().nullable(), archivedBy: z.string().nullable() })
  .meta({ id: "ArchiveState" });

export function archiveOperations(basePath: string, what: string, scopes: Operation["scopes"]): Operation[] {
  const notFound = { description: `No such ${what}`, schema: errorSchema };
  return [
    {
      method: "post",
      path: `${basePath}/{id}/archive`,
      summary: `Archive a ${what}: it leaves lists, counts and findings but keeps its history (repeating it changes nothing)`,
      scopes,
      responses: { 200: { description: "The archive state", schema: archiveStateSchema }, 404: notFound },
    },
    {
      method: "post",
      path: `${basePath}/{id}/restore`,
      summary: `Restore an archived ${what} (repeating it changes nothing)`,
      scopes,
      responses: { 200: { description: "The archive state", schema: archiveStateSchema }, 404: notFound },
    },
  ];
}
