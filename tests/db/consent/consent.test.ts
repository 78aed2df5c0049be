import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/permissions";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { consentControlFindings } from "@/lib/server/consent/control-findings";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose, listPurposes, publishNoticeVersion, setPurposeRetention } from "@/lib/server/consent/purposes";
import { consentRates } from "@/lib/server/consent/rates";
import { consentRetentionReport, runConsentRetention } from "@/lib/server/consent/retention";
import { buildSubjectProof, findSubject, getSubjectDetail, lookupSubjectConsent, revealSubjectIdentifier } from "@/lib/server/consent/subjects";
import { actorFor } from "@/lib/server/testing/factories";

const uid = () => randomBytes(4).toString("hex");
const apiKey = (scopes: string[], keyId = `key-${uid()}`): Actor => ({ kind: "api_key", keyId, name: keyId, scopes, role: null, userId: null, ip: "198.51.100.9" });

async function purpose(opts: { saleOrShare?: boolean; notice?: boolean; retention?: number } = {}) {
  return createPurpose(SYSTEM_CLI, {
    key: `p_${uid()}`,
    title: "Test purpose",
    lawfulBasis: "consent",
    saleOrShare: opts.saleOrShare ?? false,
    ...(opts.notice === false ? {} : { noticeText: `Notice ${uid()}` }),
    ...(opts.retention ? { evidenceRetentionDays: opts.retention } : {}),
  });
}
async function statusOf(subject: string, key: string) {
  const s = await lookupSubjectConsent(SYSTEM_CLI, subject);
  return s.purposes.find((p) => p.purpose === key)!;
}
async function auditCount(action: string) {
  return db().auditEvent.count({ where: { action } });
}
async function expectError(p: Promise<unknown>, code: string) {
  const e = await p.then(() => null, (err: unknown) => err as { code: string; details?: unknown; message: string });
  expect(e, `expected ${code}`).not.toBeNull();
  expect(e!.code).toBe(code);
  return e!;
}

describe("consent: permission matrix (deny by default)", () => {
  const roles: Role[] = ["admin", "compliance_officer", "reviewer", "auditor"];
  const canWrite: Record<Role, boolean> = { admin: true, compliance_officer: true, reviewer: false, auditor: false };
  const canRead: Record<Role, boolean> = { admin: true, compliance_officer: true, reviewer: false, auditor: true };
  let key: string;
  let ref: string;
  beforeAll(async () => {
    key = (await purpose()).key;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: "matrix@x", purpose: key, action: "grant" });
    ref = (await findSubject(SYSTEM_CLI, "matrix@x"))!.ref;
  });

  it.each(roles)("%s", async (role) => {
    const actor = await actorFor(role);
    const write = [
      () => createPurpose(actor, { key: `m_${uid()}`, title: "t", lawfulBasis: "consent" }),
      () => ingestConsentEvents(actor, { subjectId: "matrix@x", purpose: key, action: "grant" }),
      () => publishNoticeVersion(actor, key, `v ${uid()}`),
      () => setPurposeRetention(actor, { purposeKey: key, evidenceRetentionDays: 400 }),
      () => revealSubjectIdentifier(actor, ref),
      () => buildSubjectProof(actor, ref, "json"),
      () => runConsentRetention(actor, { confirm: true }),
    ];
    const read = [
      () => listPurposes(actor),
      () => lookupSubjectConsent(actor, "matrix@x"),
      () => findSubject(actor, "matrix@x"),
      () => getSubjectDetail(actor, ref),
      () => consentRates(actor, { days: 3 }),
      () => consentRetentionReport(actor),
      () => consentControlFindings(actor),
    ];
    for (const fn of write) {
      if (canWrite[role]) await expect(fn()).resolves.toBeDefined();
      else await expectError(fn(), "FORBIDDEN");
    }
    for (const fn of read) {
      if (canRead[role]) await expect(fn()).resolves.toBeDefined();
      else await expectError(fn(), "FORBIDDEN");
    }
  });

  it("API key scopes: consent:read cannot write, consent:write cannot read, a bound reviewer cannot write", async () => {
    await expectError(ingestConsentEvents(apiKey(["consent:read"]), { subjectId: "k", purpose: key, action: "grant" }), "FORBIDDEN");
    await expectError(lookupSubjectConsent(apiKey(["consent:write"]), "k"), "FORBIDDEN");
    const reviewer = await actorFor("reviewer");
    const bound: Actor = { kind: "api_key", keyId: "bound", name: "bound", scopes: ["consent:write"], role: "reviewer", userId: reviewer.userId, ip: null };
    await expectError(ingestConsentEvents(bound, { subjectId: "k", purpose: key, action: "grant" }), "FORBIDDEN");
    await expect(ingestConsentEvents(apiKey(["consent:write"]), { subjectId: "k", purpose: key, action: "grant" })).resolves.toMatchObject({ status: 201 });
  });
});

describe("consent: purposes and notices", () => {
  it("creates a purpose with a hashed, dated first notice; a duplicate key is 409; bad input 422", async () => {
    const p = await purpose({ saleOrShare: true });
    expect(p.currentNoticeVersion).toBe(1);
    expect(p.notices[0]!.textSha256).toMatch(/^[0-9a-f]{64}$/);
    await expectError(createPurpose(SYSTEM_CLI, { key: p.key, title: "again", lawfulBasis: "consent" }), "CONFLICT");
    const bad = await expectError(createPurpose(SYSTEM_CLI, { key: "Bad Key", title: "", lawfulBasis: "because" }), "VALIDATION");
    expect((bad.details as { path: string }[]).map((d) => d.path).sort()).toEqual(["key", "lawfulBasis", "title"]);
  });

  it("a new notice text is a new version; the same text again is refused", async () => {
    const p = await purpose();
    const v2 = await publishNoticeVersion(SYSTEM_CLI, p.key, "Second text");
    expect(v2.currentNoticeVersion).toBe(2);
    await expectError(publishNoticeVersion(SYSTEM_CLI, p.key, "Second text"), "CONFLICT");
    await expectError(publishNoticeVersion(SYSTEM_CLI, "no_such_purpose", "x"), "NOT_FOUND");
  });
});

describe("consent: ingest", () => {
  let key: string;
  let sale: string;
  beforeAll(async () => {
    key = (await purpose()).key;
    sale = (await purpose({ saleOrShare: true })).key;
  });

  it("grant -> withdraw -> grant: lookups follow, withdrawal through the same path (GDPR Art. 7(3))", async () => {
    const s = `seq-${uid()}@x`;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "grant", occurredAt: "2026-01-01T10:00:00Z" });
    expect(await statusOf(s, key)).toMatchObject({ status: "granted", updatedAt: "2026-01-01T10:00:00.000Z", noticeVersion: 1 });
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "withdraw", occurredAt: "2026-01-02T10:00:00Z" });
    expect((await statusOf(s, key)).status).toBe("withdrawn");
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "grant", occurredAt: "2026-01-03T10:00:00Z" });
    expect((await statusOf(s, key)).status).toBe("granted");
    // A late event older than the state is recorded but does not change it.
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "opt_out", occurredAt: "2025-12-01T10:00:00Z" });
    expect((await statusOf(s, key)).status).toBe("granted");
    const ref = (await findSubject(SYSTEM_CLI, s))!.ref;
    expect((await getSubjectDetail(SYSTEM_CLI, ref)).history.map((h) => h.action)).toEqual(["grant", "withdraw", "grant", "opt_out"]);
  });

  it("history: every event of the subject across purposes, requests and both ingest paths, each linked to the one recorded before it", async () => {
    const s = `chain-${uid()}@x`;
    const other = `chain-other-${uid()}@x`;
    await ingestConsentEvents(SYSTEM_CLI, {
      events: [
        { subjectId: s, purpose: key, action: "grant", occurredAt: "2026-02-01T10:00:00Z" },
        { subjectId: other, purpose: key, action: "grant", occurredAt: "2026-02-01T10:00:00Z" },
        { subjectId: s, purpose: key, action: "withdraw", occurredAt: "2026-02-02T10:00:00Z" },
        { subjectId: s, purpose: sale, action: "opt_in", occurredAt: "2026-02-01T11:00:00Z" },
      ],
    });
    // The Prisma path (PostgreSQL's, and SQLite's while a Prisma transaction holds the connection).
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "grant", occurredAt: "2026-02-03T10:00:00Z" }, { forcePrisma: true });
    await ingestConsentEvents(SYSTEM_CLI, { events: [{ subjectId: s, purpose: key, action: "opt_out", occurredAt: "2026-01-15T10:00:00Z" }, { subjectId: other, purpose: key, action: "withdraw" }] });
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "grant" }, { requestGpc: true }); // + an opt-out of every sale purpose

    const ref = (await findSubject(SYSTEM_CLI, s))!.ref;
    const rows = await db().consentEvent.findMany({ where: { subjectId: ref }, orderBy: { id: "asc" } });
    const detail = await getSubjectDetail(SYSTEM_CLI, ref);
    expect(detail.history.map((h) => h.id).sort()).toEqual(rows.map((r) => r.id));
    const times = detail.history.map((h) => h.occurredAt);
    expect(times).toEqual([...times].sort().reverse()); // newest first
    // Per purpose: one chain from the state's lastEventId back to a first event (no link),
    // holding each of the pair's events once, in recording order.
    const states = await db().consentState.findMany({ where: { subjectId: ref } });
    expect(states.length).toBeGreaterThanOrEqual(2);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const st of states) {
      const walk = [];
      for (let id: string | null = st.lastEventId; id; id = byId.get(id)!.prevEventId) walk.push(byId.get(id)!);
      expect(walk.map((r) => r.id).sort()).toEqual(rows.filter((r) => r.purposeId === st.purposeId).map((r) => r.id));
      const received = walk.map((r) => r.receivedAt.getTime());
      expect(received).toEqual([...received].sort((a, b) => b - a));
    }
    // The late opt-out is in the chain but did not set the state.
    expect((await statusOf(s, key)).status).toBe("granted");
  });

  it("an unknown subject gets every purpose as none, not 404", async () => {
    const r = await lookupSubjectConsent(SYSTEM_CLI, `nobody-${uid()}`);
    expect(r.purposes.length).toBeGreaterThanOrEqual(2);
    expect(r.purposes.every((p) => p.status === "none" && p.updatedAt === null && !p.gpc)).toBe(true);
    expect(await db().consentSubject.count({ where: { identifier: { contains: "nobody" } } })).toBe(0);
  });

  it("stores the identifier encrypted and the IP only as a keyed hash", async () => {
    const s = `enc-${uid()}@example.org`;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "grant" }, { userAgent: "Mozilla/5.0 test", ip: "203.0.113.50" });
    const row = await db().consentSubject.findFirstOrThrow({ orderBy: { createdAt: "desc" }, where: { id: (await findSubject(SYSTEM_CLI, s))!.ref } });
    expect(row.identifier).not.toContain(s);
    const ev = await db().consentEvidence.findMany({ where: { userAgent: "Mozilla/5.0 test" } });
    expect(ev).toHaveLength(1);
    expect(ev[0]!.ipHash).toMatch(/^[A-Za-z0-9+/=_-]{20,}$/);
    expect(ev[0]!.ipHash).not.toContain("203.0.113.50");
  });

  it("a batch of 1,000 is recorded with one audit event; a batch of 1,001 is refused", async () => {
    const before = await auditCount("consent.events.ingest");
    const events = Array.from({ length: 1000 }, (_, i) => ({ subjectId: `bulk-${i % 250}-${key}`, purpose: key, action: i % 3 ? "grant" : "withdraw" }));
    const r = await ingestConsentEvents(SYSTEM_CLI, { events });
    expect(r.body.accepted).toBe(1000);
    expect(await db().consentEvent.count({ where: { batchId: r.body.batchId } })).toBe(1000);
    expect(await auditCount("consent.events.ingest")).toBe(before + 1);
    await expectError(ingestConsentEvents(SYSTEM_CLI, { events: [...events, events[0]] }), "VALIDATION");
    // 1,000 distinct subjects, twice (the second time every state exists): within SQLite's parameter limit.
    const distinct = Array.from({ length: 1000 }, (_, i) => ({ subjectId: `distinct-${i}-${key}`, purpose: key, action: "grant" }));
    await ingestConsentEvents(SYSTEM_CLI, { events: distinct });
    await ingestConsentEvents(SYSTEM_CLI, { events: distinct.map((e) => ({ ...e, action: "withdraw" })) });
    expect((await statusOf(`distinct-999-${key}`, key)).status).toBe("withdrawn");
  });

  it("a bad batch is refused whole: 422 names every bad index and nothing is written (atomic)", async () => {
    const s = `atomic-${uid()}`;
    const events = [
      { subjectId: s, purpose: key, action: "grant" },
      { subjectId: s, purpose: "no_such_purpose", action: "grant" },
      { subjectId: s, purpose: key, action: "maybe" },
      { subjectId: s, purpose: key, action: "grant", occurredAt: "not a time" },
      { subjectId: s, purpose: key, action: "grant", occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
    ];
    const beforeEvents = await db().consentEvent.count();
    const e = await expectError(ingestConsentEvents(SYSTEM_CLI, { events }), "VALIDATION");
    expect((e.details as { index: number }[]).map((d) => d.index)).toEqual([1, 2, 3, 4]);
    expect(e.message).toMatch(/4 of 5 events are invalid/);
    expect(await db().consentEvent.count()).toBe(beforeEvents);
    expect(await findSubject(SYSTEM_CLI, s)).toBeNull();
  });

  it("Idempotency-Key: same key and body replays the original; another body is 409; keys are per caller", async () => {
    const s = `idem-${uid()}`;
    const body = { events: [{ subjectId: s, purpose: key, action: "grant" }] };
    const first = await ingestConsentEvents(SYSTEM_CLI, body, { idempotency: { scope: "key-A", key: `k-${s}` } });
    const again = await ingestConsentEvents(SYSTEM_CLI, body, { idempotency: { scope: "key-A", key: `k-${s}` } });
    expect(again.replayed).toBe(true);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect(again.status).toBe(first.status);
    const ref = (await findSubject(SYSTEM_CLI, s))!.ref;
    expect(await db().consentEvent.count({ where: { subjectId: ref } })).toBe(1);
    await expectError(ingestConsentEvents(SYSTEM_CLI, { events: [{ subjectId: s, purpose: key, action: "withdraw" }] }, { idempotency: { scope: "key-A", key: `k-${s}` } }), "CONFLICT");
    // Another API key using the same key string is a different request, not a replay of A's.
    const other = await ingestConsentEvents(SYSTEM_CLI, body, { idempotency: { scope: "key-B", key: `k-${s}` } });
    expect(other.replayed).toBe(false);
    expect(other.body.batchId).not.toBe(first.body.batchId);
  });

  it("Sec-GPC: 1 opts the subject out of every sale/sharing purpose; shown as GPC honoured", async () => {
    const s = `gpc-${uid()}`;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: sale, action: "grant", occurredAt: "2026-02-01T00:00:00Z" });
    expect((await statusOf(s, sale)).status).toBe("granted");
    const r = await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "grant" }, { requestGpc: true });
    expect(r.body.gpcOptOuts).toBeGreaterThanOrEqual(1);
    expect(await statusOf(s, sale)).toMatchObject({ status: "opted_out", gpc: true });
    expect((await statusOf(s, key)).status).toBe("granted");
    const detail = await getSubjectDetail(SYSTEM_CLI, (await findSubject(SYSTEM_CLI, s))!.ref);
    expect(detail.current.find((c) => c.purpose === sale)!.gpcHonoured).toBe(true);
    expect(detail.lastGpcAt).not.toBeNull();
  });

  it("an event with gpc: true does the same, and beats a grant of a sale purpose in the same signal", async () => {
    const s = `gpc2-${uid()}`;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: sale, action: "grant", gpc: true });
    expect(await statusOf(s, sale)).toMatchObject({ status: "opted_out", gpc: true });
  });

  it("an API key cannot see a subject's history; lookup by another identifier learns nothing", async () => {
    const s = `private-${uid()}`;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: key, action: "grant" });
    const r = await lookupSubjectConsent(apiKey(["consent:read"]), `${s}-not`);
    expect(r.purposes.find((p) => p.purpose === key)!.status).toBe("none");
    const ref = (await findSubject(SYSTEM_CLI, s))!.ref;
    await expectError(revealSubjectIdentifier(apiKey(["consent:read", "consent:write"]), ref), "FORBIDDEN");
  });
});

describe("consent: reveal, proof, rates, retention, control findings", () => {
  it("revealing an identifier and exporting proof are audited", async () => {
    const p = await purpose();
    const s = `proof-${uid()}@example.org`;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: p.key, action: "grant" });
    const ref = (await findSubject(SYSTEM_CLI, s))!.ref;
    const officer = await actorFor("compliance_officer");
    const reveals = await auditCount("consent.subject.reveal");
    expect(await revealSubjectIdentifier(officer, ref)).toBe(s);
    expect(await auditCount("consent.subject.reveal")).toBe(reveals + 1);
    const exports = await auditCount("consent.proof.export");
    const proof = await buildSubjectProof(officer, ref, "pdf");
    expect(proof.subjectId).toBe(s);
    expect(proof.events[0]!.noticeSha256).toBe(p.notices[0]!.textSha256);
    expect(await auditCount("consent.proof.export")).toBe(exports + 1);
    await expectError(getSubjectDetail(officer, "not-a-ref"), "NOT_FOUND");
  });

  it("consent rates per purpose per day", async () => {
    const p = await purpose();
    const day = new Date(Date.UTC(2026, 10, 20, 12));
    await ingestConsentEvents(SYSTEM_CLI, {
      events: [
        { subjectId: "r1", purpose: p.key, action: "grant", occurredAt: day.toISOString() },
        { subjectId: "r2", purpose: p.key, action: "grant", occurredAt: day.toISOString() },
        { subjectId: "r3", purpose: p.key, action: "grant", occurredAt: day.toISOString() },
        { subjectId: "r4", purpose: p.key, action: "withdraw", occurredAt: day.toISOString() },
      ],
    }, { now: new Date(Date.UTC(2026, 10, 21)) });
    const r = await consentRates(SYSTEM_CLI, { days: 3, now: new Date(Date.UTC(2026, 10, 21, 8)) });
    expect(r.points.map((x) => x.day)).toEqual(["2026-11-19", "2026-11-20", "2026-11-21"]);
    expect(r.points[1]![p.key]).toBe(75);
    expect(r.points[0]![p.key]).toBeUndefined();
  });

  it("retention reports, then removes only on confirmation, leaving the events and an audit event", async () => {
    const p = await purpose({ retention: 30 });
    const old = new Date(Date.now() - 40 * 86_400_000);
    const oldSubject = `ret-${uid()}`;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: oldSubject, purpose: p.key, action: "grant", occurredAt: old.toISOString() }, { userAgent: "UA old", now: old });
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: `ret-${uid()}`, purpose: p.key, action: "grant" }, { userAgent: "UA new" });
    const report = await runConsentRetention(SYSTEM_CLI, { confirm: false });
    expect(report!.lines.find((l) => l.purpose === p.key)!.expired).toBe(1);
    expect(await db().consentEvidence.count({ where: { purposeId: p.id } })).toBe(2);
    const purges = await auditCount("consent.evidence.purge");
    const done = await runConsentRetention(SYSTEM_CLI, { confirm: true });
    expect(done!.removed).toBeGreaterThanOrEqual(1);
    // The old evidence's content is gone; its row stays, dated, so the history says
    // "removed under the policy" rather than "none recorded".
    const left = await db().consentEvidence.findMany({ where: { purposeId: p.id }, select: { userAgent: true, ipHash: true, removedAt: true }, orderBy: { receivedAt: "asc" } });
    expect(left).toEqual([
      { userAgent: null, ipHash: null, removedAt: expect.any(Date) },
      { userAgent: "UA new", ipHash: null, removedAt: null },
    ]);
    expect(await db().consentEvent.count({ where: { purposeId: p.id } })).toBe(2);
    expect(await auditCount("consent.evidence.purge")).toBe(purges + 1);
    expect((await consentRetentionReport(SYSTEM_CLI)).lines.find((l) => l.purpose === p.key)!.expired).toBe(0);
    // The history tells removed evidence from none: a later event sent with no evidence.
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: oldSubject, purpose: p.key, action: "withdraw" });
    const history = (await getSubjectDetail(SYSTEM_CLI, (await findSubject(SYSTEM_CLI, oldSubject))!.ref)).history;
    expect(history.map((h) => [h.action, h.evidenceRemoved, !!h.evidenceRemovedAt, h.userAgent])).toEqual([
      ["withdraw", false, false, null],
      ["grant", true, true, null],
    ]);
  });

  it("the retention job does not run while another instance holds its lease", async () => {
    await db().jobLease.upsert({ where: { name: "consent.evidence-retention" }, create: { name: "consent.evidence-retention", owner: "other", leasedUntil: new Date(Date.now() + 60_000) }, update: { owner: "other", leasedUntil: new Date(Date.now() + 60_000) } });
    await expectError(runConsentRetention(SYSTEM_CLI, { confirm: true }), "CONFLICT");
    expect(await runConsentRetention(SYSTEM_CLI, { confirm: false })).toBeNull();
    await db().jobLease.update({ where: { name: "consent.evidence-retention" }, data: { leasedUntil: new Date(0) } });
  });

  it("control findings: a sale purpose without a notice is named; GPC signals are all honoured", async () => {
    const bare = await purpose({ saleOrShare: true, notice: false });
    const s = `ctl-${uid()}`;
    await ingestConsentEvents(SYSTEM_CLI, { subjectId: s, purpose: bare.key, action: "grant" }, { requestGpc: true });
    const { findings } = await consentControlFindings(SYSTEM_CLI);
    expect(findings).toContainEqual({ control: "consent.sale_purpose_without_notice", purpose: bare.key, title: "Test purpose" });
    expect(findings.filter((f) => f.control === "consent.gpc_not_honoured")).toEqual([]);
    // Tamper with the derived state to prove the control can fail.
    const ref = (await findSubject(SYSTEM_CLI, s))!.ref;
    const st = await db().consentState.findUniqueOrThrow({ where: { subjectId_purposeId: { subjectId: ref, purposeId: bare.id } } });
    await db().consentState.update({ where: { subjectId_purposeId: { subjectId: ref, purposeId: bare.id } }, data: { status: "granted" } });
    const after = await consentControlFindings(SYSTEM_CLI);
    expect(after.findings).toContainEqual(expect.objectContaining({ control: "consent.gpc_not_honoured", subjectRef: ref, purpose: bare.key, status: "granted" }));
    await db().consentState.update({ where: { subjectId_purposeId: { subjectId: ref, purposeId: bare.id } }, data: { status: st.status } });
  });
});
