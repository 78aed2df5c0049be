import { describe, expect, it, vi } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { verifySealed } from "../../support/audit";
import { db } from "@/lib/server/db";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose } from "@/lib/server/consent/purposes";
import { findSubject } from "@/lib/server/consent/subjects";

// Fails the batch midway through its transaction: after the audit event, the subjects and
// the events are written, hashing this evidence IP throws.
const POISON_IP = "192.0.2.66";
vi.mock("@/lib/server/keys", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/keys")>();
  return {
    ...real,
    lookupHash: (value: string, context: string) => {
      if (value === POISON_IP) throw new Error("injected failure");
      return real.lookupHash(value, context);
    },
  };
});

// On SQLite the default is the driver hot path (docs/decisions/200); forcePrisma takes the
// Prisma path, which PostgreSQL always uses.
describe.each([
  { path: "default", forcePrisma: false },
  { path: "Prisma", forcePrisma: true },
])("consent ingest ($path path): one transaction", ({ forcePrisma }) => {
  it("a failure after rows were written rolls back the audit event, subjects, events and state", async () => {
    const tag = forcePrisma ? "p" : "d";
    const p = await createPurpose(SYSTEM_CLI, { key: `atomic_purpose_${tag}`, title: "Atomic", lawfulBasis: "consent" });
    const before = { events: await db().consentEvent.count(), audit: await db().auditEvent.count(), subjects: await db().consentSubject.count(), states: await db().consentState.count() };
    const events = [
      { subjectId: `atomic-1-${tag}`, purpose: p.key, action: "grant" },
      { subjectId: `atomic-2-${tag}`, purpose: p.key, action: "grant", evidence: { ip: POISON_IP } },
    ];
    await expect(ingestConsentEvents(SYSTEM_CLI, { events }, { idempotency: { scope: `atomic-${tag}`, key: "k" }, forcePrisma })).rejects.toThrow("injected failure");
    expect({ events: await db().consentEvent.count(), audit: await db().auditEvent.count(), subjects: await db().consentSubject.count(), states: await db().consentState.count() }).toEqual(before);
    expect(await findSubject(SYSTEM_CLI, `atomic-1-${tag}`)).toBeNull();
    expect(await db().idempotencyRecord.count({ where: { scope: `atomic-${tag}` } })).toBe(0);
    // The same batch without the poison goes through whole.
    const ok = await ingestConsentEvents(SYSTEM_CLI, { events: [events[0]!, { ...events[1]!, evidence: { ip: "192.0.2.1" } }] }, { idempotency: { scope: `atomic-${tag}`, key: "k" }, forcePrisma });
    expect(ok.body.accepted).toBe(2);
    expect(await db().consentEvent.count()).toBe(before.events + 2);
  });
});

// SQLite groups concurrent requests into one commit, each in its own savepoint
// (lib/server/consent/ingest-sqlite.ts): one failing request must not take the others down,
// and the audit chain must stay whole. On PostgreSQL these are independent transactions.
describe("consent ingest: concurrent requests", () => {
  it("a failing request among concurrent ones rolls back only itself; the others commit with their audit events", async () => {
    const p = await createPurpose(SYSTEM_CLI, { key: "atomic_concurrent", title: "Atomic", lawfulBasis: "consent" });
    const before = { events: await db().consentEvent.count({ where: { purposeId: p.id } }), audit: await db().auditEvent.count({ where: { action: "consent.events.ingest" } }) };
    const calls = Array.from({ length: 12 }, (_, i) =>
      ingestConsentEvents(SYSTEM_CLI, { events: [{ subjectId: `conc-${i}`, purpose: p.key, action: "grant", evidence: { ip: i === 5 ? POISON_IP : "192.0.2.2" } }] }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.map((r) => r.status)).toEqual(results.map((_, i) => (i === 5 ? "rejected" : "fulfilled")));
    expect(String((results[5] as PromiseRejectedResult).reason)).toContain("injected failure");
    expect(await db().consentEvent.count({ where: { purposeId: p.id } })).toBe(before.events + 11);
    expect(await db().auditEvent.count({ where: { action: "consent.events.ingest" } })).toBeGreaterThanOrEqual(before.audit + 11);
    expect(await findSubject(SYSTEM_CLI, "conc-5")).toBeNull();
    expect(await findSubject(SYSTEM_CLI, "conc-6")).not.toBeNull();
    expect(await verifySealed()).toMatchObject({ ok: true });
  });

  it("the same Idempotency-Key sent twice at once records one batch; the other gets IDEMPOTENCY_IN_FLIGHT or the replay", async () => {
    const p = await createPurpose(SYSTEM_CLI, { key: "atomic_idem_race", title: "Atomic", lawfulBasis: "consent" });
    const body = { subjectId: "race-1", purpose: p.key, action: "grant" };
    const idempotency = { scope: "race", key: "same" };
    const results = await Promise.allSettled([ingestConsentEvents(SYSTEM_CLI, body, { idempotency }), ingestConsentEvents(SYSTEM_CLI, body, { idempotency })]);
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("IDEMPOTENCY_IN_FLIGHT");
    expect(await db().consentEvent.count({ where: { purposeId: p.id } })).toBe(1);
    expect(await db().idempotencyRecord.count({ where: { scope: "race" } })).toBe(1);
  });

  it("20 concurrent requests for one subject (no global lock any more): one subject row and one unbroken history chain", async () => {
    const p = await createPurpose(SYSTEM_CLI, { key: "atomic_same_subject", title: "Atomic", lawfulBasis: "consent" });
    const q = await createPurpose(SYSTEM_CLI, { key: "atomic_same_subject_2", title: "Atomic 2", lawfulBasis: "consent" });
    const subject = `same-${Date.now()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        ingestConsentEvents(SYSTEM_CLI, { events: [{ subjectId: subject, purpose: i % 2 ? p.key : q.key, action: i % 3 ? "grant" : "withdraw", occurredAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString() }, { subjectId: `${subject}-other-${i}`, purpose: p.key, action: "grant" }] }, { forcePrisma: true }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const subj = await findSubject(SYSTEM_CLI, subject);
    expect(subj).not.toBeNull();
    for (const purpose of [p, q]) {
      const events = await db().consentEvent.findMany({ where: { purposeId: purpose.id, subjectId: subj!.ref } });
      expect(events).toHaveLength(10);
      // A chain, not a fork: every event but one is some event's predecessor, the first has none.
      expect(events.filter((e) => e.prevEventId === null)).toHaveLength(1);
      expect(new Set(events.map((e) => e.prevEventId).filter(Boolean)).size).toBe(9);
      const state = await db().consentState.findUniqueOrThrow({ where: { subjectId_purposeId: { subjectId: subj!.ref, purposeId: purpose.id } } });
      const heads = events.filter((e) => !events.some((o) => o.prevEventId === e.id));
      expect(heads.map((e) => e.id)).toEqual([state.lastEventId]);
    }
    expect(await verifySealed()).toMatchObject({ ok: true });
  });
});
