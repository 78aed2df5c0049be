import "server-only";
import { db, dialect } from "@/lib/server/db";

export async function healthCheck() {
  await db().$queryRaw`SELECT 1`;
  return { status: "ok" as const, database: dialect() };
}
