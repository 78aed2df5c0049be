// The consent_history_chain migration (docs/decisions/203) links the events an existing
// install already holds: it is applied, file by file as `prisma migrate deploy` would, to a
// scratch database holding rows written before it, in the dialect under test.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { dialect } from "@/lib/server/db";

const CHAIN = "consent_history_chain";
const dir = resolve(dialect() === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations");
const migrations = readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort();
const before = migrations.slice(0, migrations.findIndex((d) => d.endsWith(CHAIN)));
const chain = migrations.find((d) => d.endsWith(CHAIN))!;
const sqlOf = (m: string) => readFileSync(resolve(dir, m, "migration.sql"), "utf8");

// Rows as the app wrote them before the migration: ids sort in recording order. Subject s1
// has three events for purpose p (one late: occurred earlier, recorded last) and one for q;
// s2 has one for p.
const t = (d: number) => `'2026-01-0${d}T10:00:00.000Z'`;
const SEED = `
INSERT INTO "ConsentPurpose" ("id", "key", "title", "lawfulBasis", "saleOrShare", "createdAt", "updatedAt") VALUES ('p', 'p', 'P', 'consent', false, ${t(1)}, ${t(1)}), ('q', 'q', 'Q', 'consent', true, ${t(1)}, ${t(1)});
INSERT INTO "ConsentSubject" ("id", "lookup", "identifier", "createdAt") VALUES ('s1', 'l1', 'x', ${t(1)}), ('s2', 'l2', 'y', ${t(1)});
INSERT INTO "ConsentEvent" ("id", "subjectId", "purposeId", "action", "occurredAt", "receivedAt", "source", "gpc", "batchId") VALUES
  ('e1', 's1', 'p', 'grant', ${t(2)}, ${t(2)}, 'api', false, 'b1'),
  ('e2', 's2', 'p', 'grant', ${t(2)}, ${t(2)}, 'api', false, 'b1'),
  ('e3', 's1', 'q', 'opt_out', ${t(3)}, ${t(3)}, 'api', true, 'b2'),
  ('e4', 's1', 'p', 'withdraw', ${t(4)}, ${t(4)}, 'api', false, 'b3'),
  ('e5', 's1', 'p', 'grant', ${t(1)}, ${t(5)}, 'api', false, 'b4');
INSERT INTO "ConsentState" ("subjectId", "purposeId", "status", "updatedAt", "gpc", "eventId") VALUES
  ('s1', 'p', 'withdrawn', ${t(4)}, false, 'e4'), ('s1', 'q', 'opted_out', ${t(3)}, true, 'e3'), ('s2', 'p', 'granted', ${t(2)}, false, 'e2');
`;
const EVENTS = `SELECT "id", "prevEventId" FROM "ConsentEvent" ORDER BY "id"`;
const STATES = `SELECT "subjectId", "purposeId", "eventId", "lastEventId" FROM "ConsentState" ORDER BY "subjectId", "purposeId"`;

function expectLinked(events: unknown[], states: unknown[]) {
  expect(events).toEqual([
    { id: "e1", prevEventId: null },
    { id: "e2", prevEventId: null },
    { id: "e3", prevEventId: null },
    { id: "e4", prevEventId: "e1" },
    { id: "e5", prevEventId: "e4" },
  ]);
  // The late e5 heads the chain of (s1, p) without taking over its state.
  expect(states).toEqual([
    { subjectId: "s1", purposeId: "p", eventId: "e4", lastEventId: "e5" },
    { subjectId: "s1", purposeId: "q", eventId: "e3", lastEventId: "e3" },
    { subjectId: "s2", purposeId: "p", eventId: "e2", lastEventId: "e2" },
  ]);
}

describe(`the ${CHAIN} migration`, () => {
  it("links existing events per subject and purpose in recording order and sets each state's head", async () => {
    expect(before.length).toBeGreaterThan(0);
    if (dialect() === "postgresql") {
      const schema = `mig_${randomBytes(4).toString("hex")}`;
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try {
        await c.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
        for (const m of before) await c.query(sqlOf(m));
        await c.query(SEED);
        await c.query(sqlOf(chain));
        expectLinked((await c.query(EVENTS)).rows, (await c.query(STATES)).rows);
        const idx = await c.query(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'ConsentEvent'`, [schema]);
        expect(idx.rows.map((r: { indexname: string }) => r.indexname)).not.toContain("ConsentEvent_subjectId_occurredAt_idx");
      } finally {
        await c.query(`DROP SCHEMA "${schema}" CASCADE`);
        await c.end();
      }
      return;
    }
    const file = resolve("data/test", `migration_${randomBytes(4).toString("hex")}.db`);
    const h = new Database(file);
    try {
      for (const m of before) h.exec(sqlOf(m));
      h.exec(SEED);
      h.exec(sqlOf(chain));
      expectLinked(h.prepare(EVENTS).all(), h.prepare(STATES).all());
      expect(h.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ConsentEvent'`).pluck().all()).not.toContain("ConsentEvent_subjectId_occurredAt_idx");
    } finally {
      h.close();
      rmSync(file, { force: true });
    }
  });
});
