import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { mfaContext } from "@/lib/server/auth/sign-in";
import { SUBJECT_CONTEXT } from "@/lib/server/consent/ingest-shared";
import { rotateFieldKeys } from "@/lib/server/crypto/rotate-field-keys";
import { db } from "@/lib/server/db";
import { decrypt, encrypt, resetKeyCache } from "@/lib/server/keys";
import { makeUser } from "@/lib/server/testing/factories";

const ORIGINAL = process.env.FIELD_ENCRYPTION_KEYS!;
const B = `rot${randomBytes(3).toString("hex")}:${randomBytes(32).toString("base64")}`;
function useRing(spec: string) {
  process.env.FIELD_ENCRYPTION_KEYS = spec;
  resetEnvCache();
  resetKeyCache();
}
afterAll(() => useRing(ORIGINAL));

const kidOf = (stored: string) => stored.split(":")[1];

describe("field-key rotation", () => {
  it("encrypt with A, rotate to B (interrupted, then resumed), remove A: everything decrypts; then back to A for the other tests", async () => {
    // Rows under the original key A: MFA secrets and consent subject identifiers.
    const users = await Promise.all(Array.from({ length: 3 }, () => makeUser()));
    for (const u of users) await db().user.update({ where: { id: u.id }, data: { mfaSecretEnc: encrypt(`secret-${u.id}`, mfaContext(u.id)) } });
    const subjects = Array.from({ length: 7 }, (_, i) => ({ id: randomUUID(), lookup: randomUUID(), identifier: encrypt(`person-${i}@example.test`, SUBJECT_CONTEXT), createdAt: new Date() }));
    await db().consentSubject.createMany({ data: subjects });
    const auditBefore = await db().auditEvent.count({ where: { action: "keys.field.rotate" } });

    useRing(`${B},${ORIGINAL}`);
    const first = await rotateFieldKeys(SYSTEM_CLI, { batchSize: 2, maxBatches: 3 });
    expect(first.complete).toBe(false);
    // Interrupted: no audit event yet, progress stored.
    expect(await db().auditEvent.count({ where: { action: "keys.field.rotate" } })).toBe(auditBefore);
    expect(await db().opsProgress.findUnique({ where: { name: "keys:rotate" } })).not.toBeNull();
    const batches: number[] = [];
    const second = await rotateFieldKeys(SYSTEM_CLI, { batchSize: 2, onBatch: (p) => batches.push(p.table) });
    expect(second).toMatchObject({ complete: true, resumed: true });
    // It continued: the first run's three batches (users) were not scanned again.
    expect(second.scanned).toBeGreaterThanOrEqual(users.length + subjects.length);
    expect(second.reEncrypted).toBeGreaterThanOrEqual(users.length + subjects.length);
    const ev = await db().auditEvent.findMany({ where: { action: "keys.field.rotate" } });
    expect(ev).toHaveLength(auditBefore + 1);
    expect(JSON.parse(ev[ev.length - 1]!.diff!)).toMatchObject({ resumed: true });

    useRing(B.toString());
    for (const u of users) {
      const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
      expect(decrypt(row.mfaSecretEnc!, mfaContext(u.id))).toBe(`secret-${u.id}`);
    }
    const stored = await db().consentSubject.findMany({ where: { id: { in: subjects.map((s) => s.id) } }, orderBy: { id: "asc" } });
    expect(stored.map((s) => kidOf(s.identifier))).toEqual(stored.map(() => B.split(":")[0]));
    expect(stored.map((s) => decrypt(s.identifier, SUBJECT_CONTEXT)).sort()).toEqual(subjects.map((_, i) => `person-${i}@example.test`).sort());
    // Nothing anywhere needs the old key any more.
    const all = await db().consentSubject.findMany({ select: { identifier: true } });
    expect(all.every((s) => kidOf(s.identifier) === B.split(":")[0])).toBe(true);

    // A second run under the same key re-encrypts nothing.
    expect(await rotateFieldKeys(SYSTEM_CLI)).toMatchObject({ complete: true, reEncrypted: 0 });

    useRing(`${ORIGINAL},${B}`);
    expect(await rotateFieldKeys(SYSTEM_CLI, { batchSize: 500 })).toMatchObject({ complete: true, resumed: false });
    useRing(ORIGINAL);
    for (const s of stored) expect(decrypt((await db().consentSubject.findUniqueOrThrow({ where: { id: s.id } })).identifier, SUBJECT_CONTEXT)).toMatch(/^person-\d@example\.test$/);
  }, 240_000); // re-encrypts every row the other files left in the shared database, twice
});
