// The raw `pg` baselines the PostgreSQL consent figures are compared against: per batch of
// 100, one transaction inserting a subject and an event per row from pre-built values (no
// validation, HMAC, encryption, state or audit event): a ceiling, not an equivalent. Two
// shapes: one multi-row INSERT (unnest of arrays), and COPY FROM STDIN (the fastest load
// path PostgreSQL has), sent through pg's own protocol hooks (no extra dependency).
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { concurrently } from "./workload";

const INSERT = `WITH s AS (INSERT INTO "ConsentSubject" ("id", "lookup", "identifier", "createdAt") SELECT u.id, u.id, 'x', now() FROM unnest($1::text[]) AS u(id))
    INSERT INTO "ConsentEvent" ("id", "subjectId", "purposeId", "action", "occurredAt", "receivedAt", "source", "gpc", "batchId")
    SELECT e, s, p, 'grant', now(), now(), 'banner', false, 'raw' FROM unnest($2::text[], $1::text[], $3::text[]) AS u(e, s, p)`;

/** COPY ... FROM STDIN with `data` (text format) as a pg submittable: pg routes the protocol messages here. */
class CopyIn {
  readonly done: Promise<void>;
  private settle!: (e?: Error) => void;
  private error?: Error;
  constructor(private readonly sql: string, private readonly data: string) {
    this.done = new Promise((ok, fail) => (this.settle = (e) => (e ? fail(e) : ok())));
  }
  submit(connection: { query(sql: string): void }) {
    connection.query(this.sql);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
    connection.sendCopyFromChunk(Buffer.from(this.data));
    connection.endCopyFrom();
  }
  handleError(e: Error) {
    this.error = e;
  }
  handleReadyForQuery() {
    this.settle(this.error);
  }
  handleCommandComplete() {}
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handleCopyData() {}
}

async function copyIn(c: pg.PoolClient, sql: string, rows: string[][]) {
  const q = new CopyIn(sql, rows.map((r) => r.join("\t")).join("\n") + "\n");
  (c as unknown as { query(q: CopyIn): void }).query(q);
  await q.done;
}

async function inTransaction(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<void>) {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await work(c);
    await c.query("COMMIT");
  } finally {
    c.release();
  }
}

/** Events per second: `batches` transactions of 100 rows from `clients` connections at once. */
export function rawPg(pool: pg.Pool, purposeIds: string[], shape: "insert" | "copy", batches: number, clients: number) {
  return concurrently(Array.from({ length: batches }), clients, () => inTransaction(pool, async (c) => {
    const subjects = Array.from({ length: 100 }, () => randomUUID());
    const purposes = subjects.map((_, i) => purposeIds[i % purposeIds.length]!);
    if (shape === "insert") {
      await c.query({ name: "raw-insert", text: INSERT, values: [subjects, subjects.map(() => randomUUID()), purposes] });
      return;
    }
    const now = new Date().toISOString();
    await copyIn(c, `COPY "ConsentSubject" ("id", "lookup", "identifier", "createdAt") FROM STDIN`, subjects.map((s) => [s, s, "x", now]));
    await copyIn(c, `COPY "ConsentEvent" ("id", "subjectId", "purposeId", "action", "occurredAt", "receivedAt", "source", "gpc", "batchId") FROM STDIN`, subjects.map((s, i) => [randomUUID(), s, purposes[i]!, "grant", now, now, "banner", "f", "raw"]));
  }), 100);
}
