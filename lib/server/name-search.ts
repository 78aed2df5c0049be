import "server-only";
// A Prisma `contains` filter that ignores case on both dialects: SQLite's LIKE already does
// (ASCII letters); PostgreSQL's needs Prisma's insensitive mode, which the SQLite client's
// types do not name, hence the cast.
import { dialect } from "@/lib/server/db";

export function containsIgnoringCase(text: string): { contains: string } {
  return dialect() === "postgresql" ? ({ contains: text, mode: "insensitive" } as unknown as { contains: string }) : { contains: text };
}
