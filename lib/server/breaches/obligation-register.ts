import "server-only";
// The obligations register: one CSV row per notification obligation of every incident (issue
// 14: 1M rows streamed at >= 200,000 rows/s in < 300 MB). Keyset pages by obligation id through
// the raw driver (a Prisma object per row costs more than the row), first byte after the first
// page; same permission and audit event as the per-incident register (export-incident.ts).
import { OBLIGATION_REGISTER_HEADERS } from "@/lib/breaches/reports";
import type { Cell } from "@/lib/export/csv";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, pgPool, sqliteHandle } from "@/lib/server/db";
import { pgInstantIso, sqliteInstantIso } from "@/lib/server/driver-rows";

export const OBLIGATION_REGISTER_FORMAT = "obligations.csv";
/** Rows per statement: a few thousand, so memory stays flat and the first byte comes early. */
export const OBLIGATION_PAGE = 5_000;

// In OBLIGATION_REGISTER_HEADERS' order after the id that pages them; `dueAt` and `sentAt` are
// replaced per dialect (the DUE / SENT markers), `applies` is 0/1 on SQLite.
const SELECT = `SELECT o."id", i."reference", i."title", o."key", o."regime", o."recipient", o."jurisdiction", DUE, o."dueRule", o."citation", o."ruleVersion", o."status", o."statusReason", SENT, o."sentReference", o."sentByLabel", o."applies"
  FROM "BreachObligation" o JOIN "Incident" i ON i."id" = o."incidentId"`;
const DUE = 7;
const SENT = 13;
const APPLIES = 16;

type Page = Cell[][];

/** Header, then pages of rows in obligation id order. Permission and audit happen on the first next(). */
export async function* obligationRegisterPages(actor: Actor, pageSize = OBLIGATION_PAGE): AsyncGenerator<Page> {
  await requirePermission(actor, "breach:export", { type: "Incident" });
  await recordAudit(actor, { action: "breach_register.export", entityType: "Incident", entityId: null, diff: { format: OBLIGATION_REGISTER_FORMAT } });
  yield [OBLIGATION_REGISTER_HEADERS];
  // The id each row was paged by is dropped in place (shift), so a row is not copied.
  for await (const rows of idPages(pageSize)) {
    for (const r of rows) r.shift();
    yield rows;
  }
}

async function* idPages(pageSize: number): AsyncGenerator<Page> {
  db();
  const handle = sqliteHandle();
  if (handle && !handle.inTransaction) return yield* sqlitePages(handle, pageSize);
  const pool = pgPool();
  if (pool) return yield* pgPages(pool, pageSize);
  return yield* prismaPages(pageSize);
}

async function* sqlitePages(handle: NonNullable<ReturnType<typeof sqliteHandle>>, pageSize: number): AsyncGenerator<Page> {
  const text = SELECT.replace("DUE", `o."dueAt"`).replace("SENT", `o."sentAt"`);
  const stmt = handle.prepare(`${text} WHERE o."id" > ? ORDER BY o."id" LIMIT ?`).raw(true).safeIntegers(false);
  for (let after = ""; ;) {
    const rows = stmt.all(after, pageSize) as Cell[][];
    for (const r of rows) {
      r[DUE] = sqliteInstantIso(r[DUE]);
      r[SENT] = sqliteInstantIso(r[SENT]);
      r[APPLIES] = r[APPLIES] === 1;
    }
    if (!rows.length) return;
    after = rows[rows.length - 1]![0] as string;
    yield rows;
    if (rows.length < pageSize) return;
  }
}

async function* pgPages(pool: NonNullable<ReturnType<typeof pgPool>>, pageSize: number): AsyncGenerator<Page> {
  const text = `${SELECT.replace("DUE", pgInstantIso(`o."dueAt"`)).replace("SENT", pgInstantIso(`o."sentAt"`))} WHERE o."id" > $1 ORDER BY o."id" LIMIT $2`;
  const conn = await pool.connect();
  try {
    for (let after = ""; ;) {
      const { rows } = await conn.query<Cell[]>({ text, values: [after, pageSize], rowMode: "array" });
      if (!rows.length) return;
      after = rows[rows.length - 1]![0] as string;
      yield rows;
      if (rows.length < pageSize) return;
    }
  } finally {
    conn.release();
  }
}

/** Inside an open SQLite transaction (tests) or before the driver is connected: the same rows through Prisma. */
async function* prismaPages(pageSize: number): AsyncGenerator<Page> {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  for (let after = ""; ;) {
    const rows = await db().breachObligation.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: pageSize, include: { incident: { select: { reference: true, title: true } } } });
    if (!rows.length) return;
    after = rows[rows.length - 1]!.id;
    yield rows.map((o) => [o.id, o.incident.reference, o.incident.title, o.key, o.regime, o.recipient, o.jurisdiction, iso(o.dueAt), o.dueRule, o.citation, o.ruleVersion, o.status, o.statusReason, iso(o.sentAt), o.sentReference, o.sentByLabel, o.applies]);
    if (rows.length < pageSize) return;
  }
}
