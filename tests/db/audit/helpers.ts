// Shared by the audit log's database tests: a snapshot of the log's tables to restore after
// each tampering, the CLI as an operator runs it, and what an attacker with database
// access (but no signing key) can compute.
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { promisify } from "node:util";
import { canonicalEvent } from "@/lib/audit/chain";
import { leafHash } from "@/lib/audit/merkle";
import { keyIdOf, signHead, type HeadKind } from "@/lib/audit/tree-head";
import { db } from "@/lib/server/db";

const run = promisify(execFile);

/** Copies of the log's tables (static SQL: table names cannot be parameters). */
export async function backupLog() {
  const c = db();
  await c.$executeRaw`DROP TABLE IF EXISTS "bak_AuditEvent"`;
  await c.$executeRaw`DROP TABLE IF EXISTS "bak_AuditTreeHead"`;
  await c.$executeRaw`DROP TABLE IF EXISTS "bak_AuditTreeNode"`;
  await c.$executeRaw`DROP TABLE IF EXISTS "bak_AuditTreeState"`;
  await c.$executeRaw`CREATE TABLE "bak_AuditEvent" AS SELECT * FROM "AuditEvent"`;
  await c.$executeRaw`CREATE TABLE "bak_AuditTreeHead" AS SELECT * FROM "AuditTreeHead"`;
  await c.$executeRaw`CREATE TABLE "bak_AuditTreeNode" AS SELECT * FROM "AuditTreeNode"`;
  await c.$executeRaw`CREATE TABLE "bak_AuditTreeState" AS SELECT * FROM "AuditTreeState"`;
}

export async function restoreLog() {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM "AuditEvent"`;
    await tx.$executeRaw`INSERT INTO "AuditEvent" SELECT * FROM "bak_AuditEvent"`;
    await tx.$executeRaw`DELETE FROM "AuditTreeHead"`;
    await tx.$executeRaw`INSERT INTO "AuditTreeHead" SELECT * FROM "bak_AuditTreeHead"`;
    await tx.$executeRaw`DELETE FROM "AuditTreeNode"`;
    await tx.$executeRaw`INSERT INTO "AuditTreeNode" SELECT * FROM "bak_AuditTreeNode"`;
    await tx.$executeRaw`DELETE FROM "AuditTreeState"`;
    await tx.$executeRaw`INSERT INTO "AuditTreeState" SELECT * FROM "bak_AuditTreeState"`;
  });
}

/** `npm run admin -- <args>` against this run's database. */
export async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin.ts", ...args], { env: process.env });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** What an attacker can do: recompute an event's leaf hash after changing it. */
export async function recomputeLeaf(seq: number) {
  const e = await db().auditEvent.findUniqueOrThrow({ where: { seq } });
  await db().auditEvent.update({ where: { id: e.id }, data: { leafHash: leafHash(canonicalEvent({ ...e, seq })).toString("hex") } });
}

/** A head signed with a key of the attacker's own. */
export function forgedHead(h: { headIndex: number; treeSize: number; rootHash: string; timestamp: number; kind: HeadKind }) {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const signed = signHead({ ...h, keyId: keyIdOf(publicKey) }, privateKey);
  return { ...signed, timestamp: new Date(signed.timestamp) };
}
