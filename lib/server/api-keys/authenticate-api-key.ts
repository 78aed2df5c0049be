import "server-only";
// Security-sensitive: turns a bearer key into an actor, or refuses it.
import { isRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import type BetterSqlite3 from "better-sqlite3";
import { db, pgPool, sqliteHandle } from "@/lib/server/db";
import { API_KEY_PREFIX, hashApiKey } from "@/lib/server/api-keys/create-api-key";
import { mfaRequiredFor } from "@/lib/server/auth/sign-in";

export async function authenticateApiKey(key: string, ip: string | null): Promise<Actor> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) throw new AppError("UNAUTHENTICATED", "Invalid API key.");
  const row = await findKey(hashApiKey(key));
  const now = new Date();
  if (!row) throw new AppError("UNAUTHENTICATED", "Invalid API key.");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", "This API key has been revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("UNAUTHENTICATED", "This API key has expired.");
  if (row.user?.disabledAt) throw new AppError("UNAUTHENTICATED", "The user this API key acts for is disabled.");
  // A key does no more than its person: while that person must enrol in MFA and has not,
  // their session reaches only their account page, and their keys reach nothing.
  if (row.user && !row.user.mfaEnabledAt && (await mfaRequiredFor(row.user.role))) {
    throw new AppError("FORBIDDEN", "The user this API key acts for must set up multi-factor authentication before their keys work.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "api_key",
    keyId: row.id,
    name: row.name,
    scopes: row.scopes.split(",").filter(Boolean),
    role: row.user && isRole(row.user.role) ? row.user.role : null,
    userId: row.userId,
    mintedByBoundUser: row.userId !== null && row.createdById === row.userId,
    aiSystemId: row.aiSystemId ?? null,
    ip,
  };
}

type KeyRow = {
  id: string;
  name: string;
  scopes: string;
  aiSystemId: string | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  userId: string | null;
  createdById: string | null;
  user: { role: string; disabledAt: Date | null; mfaEnabledAt: Date | null } | null;
};

/**
 * Every API request starts here, so on SQLite it is one prepared statement on Prisma's own
 * connection (docs/decisions/202): the Prisma query cost ~20% of a request's CPU, most of
 * it compiling the same query again. Same row either way; the tests run both dialects.
 */
async function findKey(keyHash: string): Promise<KeyRow | null> {
  const handle = sqliteHandle();
  if (handle && !handle.inTransaction) return findKeyOnSqlite(handle, keyHash);
  // PostgreSQL: the same join as one named prepared statement on Prisma's pool (docs/decisions/204).
  const pool = pgPool();
  if (pool) {
    const { rows } = await pool.query<SqliteKeyRow>({ name: "api-key", text: KEY_PG, values: [keyHash] });
    return rows[0] ? toKeyRow(rows[0]) : null;
  }
  return db().apiKey.findUnique({
    where: { keyHash },
    select: { id: true, name: true, scopes: true, aiSystemId: true, revokedAt: true, expiresAt: true, lastUsedAt: true, userId: true, createdById: true, user: { select: { role: true, disabledAt: true, mfaEnabledAt: true } } },
  });
}

const keyStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();
type SqliteKeyRow = { id: string; name: string; scopes: string; aiSystemId: string | null; revokedAt: string | number | null; expiresAt: string | number | null; lastUsedAt: string | number | null; userId: string | null; createdById: string | null; role: string | null; disabledAt: string | number | null; mfaEnabledAt: string | number | null };
// Dates as the Prisma SQLite adapter stores them (ISO text by default).
const toDate = (v: string | number | null) => (v === null ? null : new Date(v));
// Times as UTC text, so the pg driver's local-time parsing of timestamp columns plays no part.
const utc = (c: string) => `to_char(${c}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${c.split(".")[1]!.replace(/"/g, "")}"`;
const KEY_PG = `SELECT k."id", k."name", k."scopes", k."aiSystemId", ${utc('k."revokedAt"')}, ${utc('k."expiresAt"')}, ${utc('k."lastUsedAt"')}, k."userId", k."createdById", u."role", ${utc('u."disabledAt"')}, ${utc('u."mfaEnabledAt"')}
  FROM "ApiKey" k LEFT JOIN "User" u ON u."id" = k."userId" WHERE k."keyHash" = $1`;

function findKeyOnSqlite(h: BetterSqlite3.Database, keyHash: string): KeyRow | null {
  let st = keyStatements.get(h);
  if (!st) {
    st = h
      .prepare(
        `SELECT k."id", k."name", k."scopes", k."aiSystemId", k."revokedAt", k."expiresAt", k."lastUsedAt", k."userId", k."createdById", u."role", u."disabledAt", u."mfaEnabledAt"
         FROM "ApiKey" k LEFT JOIN "User" u ON u."id" = k."userId" WHERE k."keyHash" = ?`,
      )
      .safeIntegers(false);
    keyStatements.set(h, st);
  }
  const r = st.get(keyHash) as SqliteKeyRow | undefined;
  return r ? toKeyRow(r) : null;
}

function toKeyRow(r: SqliteKeyRow): KeyRow {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    aiSystemId: r.aiSystemId,
    revokedAt: toDate(r.revokedAt),
    expiresAt: toDate(r.expiresAt),
    lastUsedAt: toDate(r.lastUsedAt),
    userId: r.userId,
    createdById: r.createdById,
    user: r.userId && r.role !== null ? { role: r.role, disabledAt: toDate(r.disabledAt), mfaEnabledAt: toDate(r.mfaEnabledAt) } : null,
  };
}

/** Start-up self-check (lib/server/consent/hot-path.ts): the key lookup of a hash no key has, a read. */
export async function checkApiKeyStatement() {
  await findKey("self-check");
}
