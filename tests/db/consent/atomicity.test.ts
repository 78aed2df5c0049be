import { describe, expect, it, vi } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
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
