// Signing-key rotation (docs/decisions/005): a new key signs from a given tree size on, old
// heads stay verifiable with the old public key, and a retired key that signs again is
// caught. The trusted keys come from the environment, never from the database.
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawPublicKey } from "@/lib/audit/tree-head";
import { resetEnvCache } from "@/lib/env";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { sealOnce } from "@/lib/server/audit/seal";
import { db } from "@/lib/server/db";
import { auditSigner, resetKeyCache } from "@/lib/server/keys";
import { sealLog, verifyLog } from "../../support/audit";
import { backupLog, restoreLog } from "./helpers";

const original = { key: process.env.AUDIT_SIGNING_KEY, retired: process.env.AUDIT_RETIRED_PUBLIC_KEYS };
function useKeys(key: string | undefined, retired?: string) {
  process.env.AUDIT_SIGNING_KEY = key;
  if (retired === undefined) delete process.env.AUDIT_RETIRED_PUBLIC_KEYS;
  else process.env.AUDIT_RETIRED_PUBLIC_KEYS = retired;
  resetEnvCache();
  resetKeyCache();
}
const publicOf = (pem: string) => rawPublicKey(createPublicKey(pem)).toString("base64");
const newPem = () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();

beforeAll(async () => {
  await sealLog();
  await backupLog();
});
afterAll(async () => {
  useKeys(original.key, original.retired);
  await restoreLog();
});

describe("audit log: signing-key rotation", () => {
  it("the new key signs from the rotation on; with the old public key trusted the whole log verifies", async () => {
    const oldKey = auditSigner();
    const oldPublic = rawPublicKey(oldKey.publicKey).toString("base64");
    await recordAudit(SYSTEM_CLI, { action: "test.before-rotation" });
    const before = (await sealOnce()).head!;
    expect(before.keyId).toBe(oldKey.keyId);

    useKeys(newPem(), oldPublic);
    const newKey = auditSigner();
    expect(newKey.keyId).not.toBe(oldKey.keyId);
    await recordAudit(SYSTEM_CLI, { action: "test.after-rotation" });
    const after = (await sealLog())!.head!;
    expect(after).toMatchObject({ keyId: newKey.keyId, treeSize: before.treeSize + 1 });
    expect(await verifyLog()).toMatchObject({ ok: true });

    // Without the retired public key the old heads cannot be checked: a finding, not a pass.
    useKeys(process.env.AUDIT_SIGNING_KEY, undefined);
    const r = await verifyLog();
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.reason).join("\n")).toMatch(new RegExp(`key ${oldKey.keyId}, which is not a trusted public key`));
    // An auditor can bring the old key themselves.
    expect(await verifyLog({ publicKeys: [oldPublic] })).toMatchObject({ ok: true });
  });

  it("a retired key that signs again after its successor is caught", async () => {
    const current = process.env.AUDIT_SIGNING_KEY!;
    const heads = await db().auditTreeHead.findMany({ orderBy: { headIndex: "asc" }, select: { keyId: true } });
    const retiredId = heads[0]!.keyId;
    expect(heads.at(-1)!.keyId).not.toBe(retiredId);
    // Someone with the old private key (original.key) signs a newer head.
    useKeys(original.key, publicOf(current));
    await recordAudit(SYSTEM_CLI, { action: "test.old-key-again" });
    await sealLog();
    useKeys(current, publicOf(original.key!));
    const r = await verifyLog();
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.reason).join("\n")).toMatch(new RegExp(`signed with key ${retiredId}, which was already replaced`));
  });
});
