// The driver hot paths (SQLite: lib/server/consent/ingest-sqlite.ts, PostgreSQL:
// ingest-postgres.ts; docs/decisions/204) write exactly what the Prisma path writes, keeps the audit chain verifiable, stays atomic and
// idempotent, and never nests inside a Prisma transaction open on the same connection.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { verifyLog, verifySealed } from "../../support/audit";
import { db, dialect, pgPool, sqliteHandle } from "@/lib/server/db";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose } from "@/lib/server/consent/purposes";
import { findSubject, lookupSubjectConsent, revealSubjectIdentifier } from "@/lib/server/consent/subjects";
import { ledgerIds } from "@/lib/server/consent/ingest-shared";
import { consentHotPathSelfCheck } from "@/lib/server/consent/hot-path";

const uid = () => randomBytes(4).toString("hex");
const apiKey: Actor = { kind: "api_key", keyId: "key-hot", name: "hot", scopes: ["consent:write", "consent:read"], role: null, userId: null, ip: "198.51.100.7" };
const isSqlite = dialect() === "sqlite";

async function purposes() {
  const mk = (saleOrShare: boolean) => createPurpose(SYSTEM_CLI, { key: `hp_${uid()}`, title: "Hot path", lawfulBasis: "consent", saleOrShare, noticeText: `Notice ${uid()}` });
  return { email: await mk(false), ads: await mk(true) };
}

/** The batch under test, for one subject-name prefix: grants, a withdrawal, a late event, GPC, evidence. */
function batch(prefix: string, p: { email: { key: string }; ads: { key: string } }) {
  return {
    events: [
      { subjectId: `${prefix}-a@example.com`, purpose: p.email.key, action: "grant", occurredAt: "2026-11-20T10:00:00.000Z", noticeVersion: 1, source: "banner", jurisdiction: "FR", evidence: { userAgent: "UA/1", ip: "198.51.100.1" } },
      { subjectId: `${prefix}-a@example.com`, purpose: p.email.key, action: "withdraw", occurredAt: "2026-11-21T10:00:00.000Z", source: "form" },
      { subjectId: `${prefix}-a@example.com`, purpose: p.email.key, action: "grant", occurredAt: "2026-11-19T10:00:00.000Z" }, // late: recorded, state unchanged
      { subjectId: `${prefix}-b@example.com`, purpose: p.ads.key, action: "grant", occurredAt: "2026-11-22T09:00:00.000Z", jurisdiction: "US-CA" },
      { subjectId: `${prefix}-c@example.com`, purpose: p.email.key, action: "grant", occurredAt: "2026-11-22T09:30:00.000Z", gpc: true, evidence: { userAgent: "UA/2" } },
    ],
  };
}

type Row = Record<string, unknown>;
/** A raw statement on the driver the hot path uses (`?` placeholders), rows as the driver returns them. */
async function q(sql: string, ...args: unknown[]): Promise<Row[]> {
  await db().$connect();
  if (isSqlite) {
    const st = sqliteHandle()!.prepare(sql);
    return st.reader ? (st.safeIntegers(false).all(...args) as Row[]) : (st.run(...args), []);
  }
  let n = 0;
  return (await pgPool()!.query(sql.replace(/\?/g, () => `$${++n}`), args)).rows as Row[];
}

/** Every row a batch wrote, as stored (raw SELECT), with generated ids replaced by stable names. */
async function stored(batchId: string, prefix: string, purposeIds: string[]) {
  const inP = `(${purposeIds.map((id) => `'${id}'`).join(",")})`;
  const events = await q(`SELECT * FROM "ConsentEvent" WHERE "batchId" = ? AND "purposeId" IN ${inP} ORDER BY "id"`, batchId);
  const eventName = new Map(events.map((e, i) => [e.id as string, `event${i}`]));
  const subjects = await q(`SELECT * FROM "ConsentSubject" WHERE "id" IN (SELECT "subjectId" FROM "ConsentEvent" WHERE "batchId" = ?) ORDER BY "createdAt"`, batchId);
  const evidence = await q(`SELECT * FROM "ConsentEvidence" WHERE "eventId" IN (SELECT "id" FROM "ConsentEvent" WHERE "batchId" = ?) AND "purposeId" IN ${inP}`, batchId);
  const states = await q(`SELECT * FROM "ConsentState" WHERE "subjectId" IN (SELECT "subjectId" FROM "ConsentEvent" WHERE "batchId" = ?) AND "purposeId" IN ${inP}`, batchId);
  const audit = await q(`SELECT * FROM "AuditEvent" WHERE "entityId" = ?`, batchId);
  return { events, subjects, evidence, states, audit, eventName, prefix };
}

/** Makes two batches' rows comparable: ids, batch ids, encrypted identifiers, hashes differ by design. */
async function normalise(s: Awaited<ReturnType<typeof stored>>) {
  const subj = new Map<string, string>();
  for (const row of s.subjects) {
    const ident = await revealSubjectIdentifier(SYSTEM_CLI, row.id as string);
    subj.set(row.id as string, ident.replace(`${s.prefix}-`, "X-"));
  }
  const ev = (id: unknown) => s.eventName.get(id as string) ?? id;
  const sortBy = (rows: Row[]) => rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    events: s.events.map((e) => ({ ...e, id: ev(e.id), prevEventId: ev(e.prevEventId), subjectId: subj.get(e.subjectId as string), batchId: "B", receivedAt: typeof e.receivedAt })),
    subjects: sortBy(s.subjects.map((r) => ({ ...r, id: subj.get(r.id as string), lookup: typeof r.lookup, identifier: typeof r.identifier, createdAt: typeof r.createdAt }))),
    evidence: sortBy(s.evidence.map((r) => ({ ...r, eventId: ev(r.eventId), receivedAt: typeof r.receivedAt }))),
    states: sortBy(s.states.map((r) => ({ ...r, subjectId: subj.get(r.subjectId as string), eventId: ev(r.eventId), lastEventId: ev(r.lastEventId) }))),
    audit: s.audit.map((a) => ({ ...a, id: typeof a.id, at: typeof a.at, entityId: "B" })),
  };
}

describe("consent ingest: the driver hot path of each dialect", () => {
  it.skipIf(!isSqlite)("is the path taken on SQLite, on the connection Prisma uses", async () => {
    const p = await purposes();
    await db().$connect();
    const h = sqliteHandle();
    expect(h).not.toBeNull();
    const before = h!.prepare(`SELECT count(*) FROM "ConsentEvent"`).pluck().safeIntegers(false).get() as number;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: `hot-${uid()}`, purpose: p.email.key, action: "grant" });
    // Prisma sees the row at once (same connection, committed).
    expect(await db().consentEvent.count()).toBeGreaterThanOrEqual(before + 1);
  });

  it("writes exactly the rows the Prisma path writes (events, evidence, subjects, state, audit) and answers lookups the same", async () => {
    const p = await purposes();
    const now = new Date();
    const opts = { requestGpc: true, userAgent: "Req/1", ip: "203.0.113.5", source: "api" as const, now };
    const viaPrisma = await ingestConsentEvents(apiKey, batch("prisma", p), { ...opts, forcePrisma: true });
    const viaDriver = await ingestConsentEvents(apiKey, batch("driver", p), opts);
    expect(viaDriver.body.accepted).toBe(viaPrisma.body.accepted);
    expect(viaDriver.body.gpcOptOuts).toBe(viaPrisma.body.gpcOptOuts);
    expect(viaDriver.body.gpcOptOuts).toBeGreaterThan(0);
    const ids = [p.email.id, p.ads.id];
    const a = await normalise(await stored(viaPrisma.body.batchId, "prisma", ids));
    const b = await normalise(await stored(viaDriver.body.batchId, "driver", ids));
    expect(a.events.length).toBeGreaterThan(5); // 5 sent + the GPC opt-outs of the sale purpose
    expect(b).toEqual(a);
    // Dates are stored as the adapter stores them, so comparisons in SQL agree across paths.
    const raw = await stored(viaDriver.body.batchId, "driver", ids);
    if (isSqlite) {
      expect(raw.events[0]!.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect(raw.audit[0]!.at).toMatch(/\+00:00$/);
    } else {
      const [row] = await q(`SELECT to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS t FROM "ConsentEvent" WHERE "id" = ?`, raw.events[0]!.id);
      expect(row!.t).toBe("2026-11-20T10:00:00.000");
    }
    for (const who of ["a", "b", "c"]) {
      const lp = await lookupSubjectConsent(SYSTEM_CLI, `prisma-${who}@example.com`);
      const ld = await lookupSubjectConsent(SYSTEM_CLI, `driver-${who}@example.com`);
      expect({ ...ld, subjectId: "" }).toEqual({ ...lp, subjectId: "" });
      // The driver lookup answers what Prisma's reads answer, for known and unknown subjects.
      expect(await lookupSubjectConsent(SYSTEM_CLI, `driver-${who}@example.com`, { forcePrisma: true })).toEqual(ld);
    }
    const nobody = `nobody-${uid()}`;
    expect(await lookupSubjectConsent(SYSTEM_CLI, nobody)).toEqual(await lookupSubjectConsent(SYSTEM_CLI, nobody, { forcePrisma: true }));
    // The late grant did not replace the withdrawal.
    const email = (await lookupSubjectConsent(SYSTEM_CLI, "driver-a@example.com")).purposes.find((x) => x.purpose === p.email.key)!;
    expect(email).toMatchObject({ status: "withdrawn", updatedAt: "2026-11-21T10:00:00.000Z" });
  });

  it("keeps the audit log verifiable across both appenders", async () => {
    const p = await purposes();
    for (let i = 0; i < 55; i++) {
      await ingestConsentEvents(SYSTEM_CLI, { subjectId: `chain-${uid()}`, purpose: p.email.key, action: "grant" }, { forcePrisma: i % 3 === 0 });
    }
    const result = await verifySealed();
    expect(result).toMatchObject({ ok: true });
    // And the verifier does catch a driver-written event that was altered.
    const [last] = (await q(`SELECT "seq", "diff" FROM "AuditEvent" WHERE "seq" IS NOT NULL ORDER BY "seq" DESC LIMIT 1`)) as { seq: number; diff: string }[];
    await q(`UPDATE "AuditEvent" SET "diff" = ? WHERE "seq" = ?`, last!.diff.replace('"events":1', '"events":2'), last!.seq);
    expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: last!.seq });
    await q(`UPDATE "AuditEvent" SET "diff" = ? WHERE "seq" = ?`, last!.diff, last!.seq);
    expect(await verifyLog()).toMatchObject({ ok: true });
  });

  it("replays an Idempotency-Key byte-identically and refuses another body, whichever path recorded it", async () => {
    const p = await purposes();
    const body = { subjectId: `idem-${uid()}`, purpose: p.email.key, action: "grant" };
    for (const [first, second] of [[false, true], [true, false], [false, false]] as const) {
      const idempotency = { scope: "key-hot:/consent/events", key: `k-${uid()}` };
      const r1 = await ingestConsentEvents(apiKey, body, { idempotency, forcePrisma: first });
      const r2 = await ingestConsentEvents(apiKey, body, { idempotency, forcePrisma: second });
      expect(r2.replayed).toBe(true);
      // Which path recorded it: Prisma fills the id with a cuid, the driver path with a UUID.
      const rec = await db().idempotencyRecord.findUnique({ where: { scope_key: idempotency } });
      expect(rec!.id).toMatch(first ? /^c[a-z0-9]{20,}$/ : /^[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(JSON.stringify(r2.body)).toBe(JSON.stringify(r1.body));
      expect(r2.status).toBe(r1.status);
      const e = await ingestConsentEvents(apiKey, { ...body, action: "withdraw" }, { idempotency, forcePrisma: second }).catch((x: { code: string }) => x);
      expect((e as { code: string }).code).toBe("CONFLICT");
      expect(await db().consentEvent.count({ where: { batchId: r1.body.batchId } })).toBe(1);
    }
  });

  it.skipIf(!isSqlite)("does not start a transaction inside an open Prisma transaction: it waits its turn and commits on its own", async () => {
    const p = await purposes();
    const subject = `nested-${uid()}`;
    let ingest: Promise<unknown> | null = null;
    const marker = `hp_tx_${uid()}`;
    await db()
      .$transaction(async (tx) => {
        await tx.consentPurpose.create({ data: { key: marker, title: "rolled back", lawfulBasis: "consent" } });
        expect(sqliteHandle()!.inTransaction).toBe(true);
        ingest = ingestConsentEvents(SYSTEM_CLI, { subjectId: subject, purpose: p.email.key, action: "grant" });
        await new Promise((r) => setTimeout(r, 50));
        throw new Error("roll back the outer transaction");
      })
      .catch((e: Error) => expect(e.message).toBe("roll back the outer transaction"));
    await ingest;
    expect(await db().consentPurpose.findUnique({ where: { key: marker } })).toBeNull();
    expect(await findSubject(SYSTEM_CLI, subject)).not.toBeNull();
    expect((await lookupSubjectConsent(SYSTEM_CLI, subject)).purposes.find((x) => x.purpose === p.email.key)!.status).toBe("granted");
  });
});

describe("ledger event ids", () => {
  it("sort in recording order within a batch and across milliseconds, and never repeat between batches of the same millisecond", () => {
    const at = new Date("2026-11-27T06:00:00.000Z");
    const a = ledgerIds(at, 300);
    const b = ledgerIds(at, 300);
    const later = ledgerIds(new Date(at.getTime() + 1), 1);
    expect([...a].sort()).toEqual(a);
    expect(new Set([...a, ...b]).size).toBe(600);
    expect(a.every((id) => id < later[0]!) && b.every((id) => id < later[0]!)).toBe(true);
  });
});

describe("consent hot path start-up self-check", () => {
  it("passes on the migrated schema of this dialect", async () => {
    expect(await consentHotPathSelfCheck()).toBe(dialect());
  });
});
