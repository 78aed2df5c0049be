import "server-only";
// Reading DateTime columns through the raw drivers (the streamed exports and audit:verify),
// in the form Prisma hands back as Date#toISOString(), without a Date per cell where possible.

/**
 * How the SQLite adapter stores a DateTime ("2026-12-04T20:08:19.041+00:00") to toISOString()'s
 * form; anything else (an integer, another offset) goes through Date, as Prisma would read it.
 */
export function sqliteInstantIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" && v.length === 29 && v.endsWith("+00:00") && v[10] === "T") return `${v.slice(0, 23)}Z`;
  return new Date(v as string | number).toISOString();
}

/** A PostgreSQL timestamp(3) column (UTC by the app's convention) as toISOString() text; NULL stays NULL. */
export const pgInstantIso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
