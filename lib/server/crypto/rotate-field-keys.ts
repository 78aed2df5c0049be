import "server-only";
// Field-key rotation (docs/decisions/009): re-encrypts every encrypted field under the
// active key of FIELD_ENCRYPTION_KEYS, in batches by id, storing progress after each
// batch so an interrupted run continues where it stopped. Each row is rewritten only if
// its value is still the one read (a concurrent change wins and is already current).
// When a run completes, no row needs an old key: it may be removed from the ring.
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { mfaContext } from "@/lib/server/auth/sign-in";
import { SUBJECT_CONTEXT } from "@/lib/server/consent/ingest-shared";
import { db, type Tx } from "@/lib/server/db";
import { activeFieldKeyId, needsFieldRotation, reEncrypt } from "@/lib/server/keys";
import { inputsContext, SECRET_CONTEXT, subjectContext } from "@/lib/server/oversight/common";

type Cell = { field: string; stored: string | null; context: string };
type Row = { id: string; cells: Cell[] };
type Table = { name: string; page: (afterId: string, take: number) => Promise<Row[]>; write: (tx: Tx, id: string, field: string, old: string, next: string) => Promise<number> };

// Every encrypted column. A new encrypted field adds a line here (and the test's fixture).
const TABLES: Table[] = [
  {
    name: "User.mfaSecretEnc",
    page: async (afterId, take) => (await db().user.findMany({ where: { id: { gt: afterId }, mfaSecretEnc: { not: null } }, orderBy: { id: "asc" }, take, select: { id: true, mfaSecretEnc: true } })).map((r) => ({ id: r.id, cells: [{ field: "mfaSecretEnc", stored: r.mfaSecretEnc, context: mfaContext(r.id) }] })),
    write: async (tx, id, _f, old, next) => (await tx.user.updateMany({ where: { id, mfaSecretEnc: old }, data: { mfaSecretEnc: next } })).count,
  },
  {
    name: "AiSystem.callbackSecretEnc",
    page: async (afterId, take) => (await db().aiSystem.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take, select: { id: true, callbackSecretEnc: true } })).map((r) => ({ id: r.id, cells: [{ field: "callbackSecretEnc", stored: r.callbackSecretEnc, context: SECRET_CONTEXT }] })),
    write: async (tx, id, _f, old, next) => (await tx.aiSystem.updateMany({ where: { id, callbackSecretEnc: old }, data: { callbackSecretEnc: next } })).count,
  },
  {
    name: "OversightDecision.subjectRefEnc+inputsEnc",
    page: async (afterId, take) =>
      (await db().oversightDecision.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take, select: { id: true, aiSystemId: true, externalId: true, subjectRefEnc: true, inputsEnc: true } })).map((r) => ({
        id: r.id,
        cells: [
          { field: "subjectRefEnc", stored: r.subjectRefEnc, context: subjectContext(r.aiSystemId, r.externalId) },
          { field: "inputsEnc", stored: r.inputsEnc, context: inputsContext(r.aiSystemId, r.externalId) },
        ],
      })),
    write: async (tx, id, field, old, next) => (await tx.oversightDecision.updateMany({ where: { id, [field]: old }, data: { [field]: next } })).count,
  },
  {
    name: "ConsentSubject.identifier",
    page: async (afterId, take) => (await db().consentSubject.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take, select: { id: true, identifier: true } })).map((r) => ({ id: r.id, cells: [{ field: "identifier", stored: r.identifier, context: SUBJECT_CONTEXT } ] })),
    write: async (tx, id, _f, old, next) => (await tx.consentSubject.updateMany({ where: { id, identifier: old }, data: { identifier: next } })).count,
  },
];

const PROGRESS = "keys:rotate";
type Progress = { keyId: string; table: number; afterId: string; reEncrypted: number; scanned: number };

export type RotateOptions = { batchSize?: number; /** Stop after this many batches (tests simulate an interruption). */ maxBatches?: number; onBatch?: (p: Progress) => void };
export type RotateResult = { keyId: string; complete: boolean; reEncrypted: number; scanned: number; resumed: boolean };

async function loadProgress(keyId: string): Promise<{ p: Progress; resumed: boolean }> {
  const row = await db().opsProgress.findUnique({ where: { name: PROGRESS } });
  const saved = row ? (JSON.parse(row.value) as Progress) : null;
  // Progress made towards another key is void: a new rotation starts from the beginning.
  if (saved && saved.keyId === keyId && saved.table < TABLES.length) return { p: saved, resumed: true };
  return { p: { keyId, table: 0, afterId: "", reEncrypted: 0, scanned: 0 }, resumed: false };
}

const saveProgress = (tx: Tx, p: Progress) => tx.opsProgress.upsert({ where: { name: PROGRESS }, create: { name: PROGRESS, value: JSON.stringify(p) }, update: { value: JSON.stringify(p) } });

export async function rotateFieldKeys(actor: Actor, opts: RotateOptions = {}): Promise<RotateResult> {
  const keyId = activeFieldKeyId();
  const take = opts.batchSize ?? 200;
  const { p, resumed } = await loadProgress(keyId);
  let batches = 0;
  while (p.table < TABLES.length) {
    if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return { keyId, complete: false, reEncrypted: p.reEncrypted, scanned: p.scanned, resumed };
    const table = TABLES[p.table]!;
    const rows = await table.page(p.afterId, take);
    const updates = rows.flatMap((r) => r.cells.filter((c): c is Cell & { stored: string } => !!c.stored && needsFieldRotation(c.stored)).map((c) => ({ id: r.id, field: c.field, old: c.stored, next: reEncrypt(c.stored, c.context) })));
    await db().$transaction(async (tx) => {
      for (const u of updates) p.reEncrypted += await table.write(tx, u.id, u.field, u.old, u.next);
      p.scanned += rows.length;
      if (rows.length < take) Object.assign(p, { table: p.table + 1, afterId: "" });
      else p.afterId = rows[rows.length - 1]!.id;
      await saveProgress(tx, p);
    });
    batches++;
    opts.onBatch?.(p);
  }
  await db().$transaction(async (tx) => {
    await appendAudit(tx, actor, { action: "keys.field.rotate", entityType: "FieldKey", entityId: keyId, diff: { reEncrypted: p.reEncrypted, scanned: p.scanned, resumed } });
    await saveProgress(tx, { ...p, table: TABLES.length });
  });
  return { keyId, complete: true, reEncrypted: p.reEncrypted, scanned: p.scanned, resumed };
}
