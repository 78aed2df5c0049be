import "server-only";
// Pieces of raw SQL for per-day counts, the same on both dialects: an instant as a bound
// parameter in the form each stores DateTime (PostgreSQL: timestamp(3) without a zone, in
// UTC; SQLite: ISO text "…+00:00", the format the app and the ingest hot path write, so text
// comparison is time order), and a column's UTC day as YYYY-MM-DD.
import { Prisma } from "@/generated/prisma/client";
import { sqliteDateTime } from "@/lib/server/audit/append";
import { pgDateTime } from "@/lib/server/consent/ingest-postgres";
import { dialect } from "@/lib/server/db";

export function sqlInstant(d: Date): Prisma.Sql {
  return dialect() === "postgresql" ? Prisma.sql`${pgDateTime(d)}::timestamp` : Prisma.sql`${sqliteDateTime(d)}`;
}

/** `column` must be a column name written in the code, never input (it is spliced raw). */
export function sqlUtcDay(column: string): Prisma.Sql {
  return Prisma.raw(dialect() === "postgresql" ? `to_char("${column}", 'YYYY-MM-DD')` : `substr("${column}", 1, 10)`);
}
