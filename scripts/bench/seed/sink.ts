// Bulk writes for the dataset generator, on the connection the app's own client uses
// (sqliteHandle() / pgPool()), so the app functions the generator also calls see the
// same database. SQLite: prepared multi-row INSERTs, many per transaction. PostgreSQL:
// one INSERT ... SELECT FROM unnest(typed arrays) per chunk (pg-copy-streams is not a
// dependency; unnest is one parameter per column and parses once). Values are given as JS
// values and written as the Prisma adapters store them (sqliteDateTime / pgDateTime).
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { sqliteDateTime } from "@/lib/server/audit/append";
import { pgDateTime } from "@/lib/server/consent/ingest-postgres";

export type Value = string | number | boolean | Date | null;
export type Row = Value[];

export interface Sink {
  readonly dialect: "sqlite" | "postgresql";
  insert(table: string, columns: readonly string[], rows: readonly Row[]): Promise<void>;
  /** Bulk-load settings on (true) or back to the app's own (false) around the generator's writes. */
  bulk(on: boolean): void;
}

const quote = (c: string) => `"${c}"`;

/**
 * SQLite: while the generator writes, no fsync per commit (synchronous=OFF) and a 256 MiB
 * page cache. The database is new and is regenerated if the run fails, so durability
 * during the run buys nothing; bulk(false) restores the app's settings (applySqliteSettings)
 * before the app's own functions write again.
 */
export function sqliteSink(h: BetterSqlite3.Database): Sink {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (table: string, columns: readonly string[], n: number) => {
    const key = `${table}|${columns.join(",")}|${n}`;
    let st = statements.get(key);
    if (!st) {
      const one = `(${columns.map(() => "?").join(", ")})`;
      st = h.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${Array.from({ length: n }, () => one).join(", ")}`);
      statements.set(key, st);
    }
    return st;
  };
  const convert = (v: Value) => (v instanceof Date ? sqliteDateTime(v) : typeof v === "boolean" ? (v ? 1 : 0) : v);
  return {
    dialect: "sqlite",
    async insert(table, columns, rows) {
      const per = Math.max(1, Math.min(500, Math.floor(32_000 / columns.length)));
      h.transaction(() => {
        for (let i = 0; i < rows.length; i += per) {
          const chunk = rows.slice(i, i + per);
          const params: unknown[] = [];
          for (const r of chunk) for (const v of r) params.push(convert(v));
          statement(table, columns, chunk.length).run(params);
        }
      }).immediate();
    },
    bulk(on) {
      if (!on) h.pragma("wal_checkpoint(TRUNCATE)");
      h.pragma(`cache_size = ${on ? -262_144 : -2_000}`);
      h.pragma(`synchronous = ${on ? "OFF" : "FULL"}`);
    },
  };
}

const PG_CAST: Record<string, string> = { text: "text", int4: "int4", int8: "int8", float8: "float8", bool: "bool", timestamp: "timestamp(3)", bytea: "bytea", jsonb: "jsonb" };

export function pgSink(pool: pg.Pool): Sink {
  const types = new Map<string, Map<string, string>>();
  async function columnTypes(table: string) {
    let t = types.get(table);
    if (!t) {
      const { rows } = await pool.query<{ column_name: string; udt_name: string }>(`SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [table]);
      t = new Map(rows.map((r) => [r.column_name, PG_CAST[r.udt_name] ?? "text"]));
      types.set(table, t);
    }
    return t;
  }
  const convert = (v: Value) => (v instanceof Date ? pgDateTime(v) : v);
  return {
    dialect: "postgresql",
    async insert(table, columns, rows) {
      const t = await columnTypes(table);
      const missing = columns.filter((c) => !t.has(c));
      if (missing.length) throw new Error(`${table} has no column ${missing.join(", ")}`);
      const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${t.get(c)}[]`).join(", ")})`;
      const per = 20_000;
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const arrays = columns.map((_, j) => chunk.map((r) => convert(r[j]!)));
        await pool.query(sql, arrays);
      }
    },
    bulk() {},
  };
}

/**
 * Collects rows and writes them `size` at a time (bounded memory for the big tables). One
 * write stays in flight while the next rows are generated: on PostgreSQL the server inserts
 * while this process computes (two cores, both busy); SQLite writes synchronously anyway.
 */
export class Batch {
  private rows: Row[] = [];
  private inflight: Promise<void> = Promise.resolve();
  written = 0;
  constructor(
    private readonly sink: Sink,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly size = 50_000,
  ) {}

  async add(row: Row) {
    this.rows.push(row);
    if (this.rows.length >= this.size) await this.send();
  }

  /** Writes what is left and waits until every write is done. */
  async flush() {
    await this.send();
    await this.inflight;
  }

  private async send() {
    await this.inflight;
    if (!this.rows.length) return;
    const rows = this.rows;
    this.rows = [];
    this.written += rows.length;
    this.inflight = this.sink.insert(this.table, this.columns, rows);
    // Awaited by the next send or flush; this only keeps a failure from being "unhandled" meanwhile.
    this.inflight.catch(() => {});
  }
}
