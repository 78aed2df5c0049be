// The audit log's operator commands (docs/decisions/005), for scripts/admin.ts.
import { createPublicKey } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { generateSigningKeyPem, DEMO_RETIRED_KEYS_FILE } from "./local-env.mjs";
import { treeHeadSchema } from "@/lib/api/audit-schemas";
import { keyIdOf, rawPublicKey, type SignedTreeHead } from "@/lib/audit/tree-head";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { allTreeHeads } from "@/lib/server/audit/proofs";
import { auditPublicKeys } from "@/lib/server/audit/public-keys";
import { sealBeforeExit } from "@/lib/server/audit/sealer";
import { describeReport, verifyAuditLog } from "@/lib/server/audit/verify-audit";
import { auditSigner } from "@/lib/server/keys";

export const AUDIT_HELP = `  audit:verify [--heads FILE] [--public-key FILE[,FILE]] [--json]
        exit 0 only if every event and signed tree head verifies; 1 naming the first bad seq
        --heads: heads exported earlier (audit:export-heads) the log must still match
        --public-key: verify with these public keys (PEM or base64) as well as the configured ones
  audit:seal                      seal committed events now and sign a head (the server does this every 2 s)
  audit:export-heads --out FILE   write every signed tree head, for storage off-site
  audit:public-key                print the public key(s) that verify the heads
  audit:generate-key [--out FILE] write a new Ed25519 signing key (PKCS#8 PEM, mode 0600)
  audit:rotate-key                demo key in data/: a new key signs from now on, the old one is kept as retired`;

export const HEADS_FORMAT = "oversight-audit-heads/v1";
const headsFileSchema = z.object({ format: z.literal(HEADS_FORMAT), heads: z.array(treeHeadSchema) });

function readKeyFiles(arg: string | true | undefined): string[] {
  if (typeof arg !== "string") return [];
  return arg.split(",").map((f) => readFileSync(resolve(f.trim()), "utf8").trim());
}

export function readHeadsFile(file: string): SignedTreeHead[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(file), "utf8"));
  } catch (e) {
    throw new Error(`--heads ${file} cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = headsFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`--heads ${file} is not a heads file written by audit:export-heads (${parsed.error.issues[0]?.message})`);
  return parsed.data.heads;
}

async function verify(args: Record<string, string | true>): Promise<number> {
  const witnessHeads = typeof args.heads === "string" ? readHeadsFile(args.heads) : undefined;
  const r = await verifyAuditLog(SYSTEM_CLI, { record: false, witnessHeads, publicKeys: readKeyFiles(args["public-key"]) });
  if (args.json === true) {
    console.log(JSON.stringify(r, null, 2));
    return r.ok ? 0 : 1;
  }
  (r.ok ? console.log : console.error)(describeReport(r));
  for (const f of r.findings.slice(0, 10)) console.error(`  seq ${f.at}: ${f.reason}`);
  if (r.findings.length > 10) console.error(`  … ${r.findings.length - 10} more`);
  for (const n of r.notes) console.log(`  note: ${n}`);
  if (witnessHeads) console.log(`  checked against ${witnessHeads.length} exported head(s)`);
  return r.ok ? 0 : 1;
}

export async function auditCommand(command: string, args: Record<string, string | true>): Promise<number | null> {
  switch (command) {
    case "audit:verify":
      return verify(args);
    case "audit:seal":
    case "audit:checkpoint": {
      const r = await sealBeforeExit();
      if (!r) console.log("A running server holds the sealer lease; it seals within seconds.");
      else console.log(r.head ? `Sealed ${r.sealed} event(s); signed head #${r.head.headIndex} at tree size ${r.head.treeSize}.` : "Nothing to seal.");
      return 0;
    }
    case "audit:export-heads": {
      if (typeof args.out !== "string") throw new Error("--out is required");
      const out = resolve(args.out);
      const heads = await allTreeHeads(SYSTEM_CLI);
      const keys = auditPublicKeys();
      writeFileSync(out, JSON.stringify({ format: HEADS_FORMAT, exportedAt: new Date().toISOString(), publicKeys: [keys, ...keys.retired].map(({ keyId, pem, raw }) => ({ keyId, pem, raw })), heads }, null, 1) + "\n");
      const last = heads.at(-1);
      console.log(`Wrote ${heads.length} signed head(s) to ${out}${last ? `, the newest #${last.headIndex} at tree size ${last.treeSize}` : ""}. Keep it where the database's administrators cannot change it.`);
      return 0;
    }
    case "audit:public-key": {
      const k = auditPublicKeys();
      console.log(`Key id ${k.keyId} (Ed25519)\n${k.pem.trim()}\nraw (base64): ${k.raw}`);
      for (const r of k.retired) console.log(`\nRetired key ${r.keyId}\n${r.pem.trim()}\nraw (base64): ${r.raw}`);
      return 0;
    }
    case "audit:generate-key": {
      const pem = generateSigningKeyPem();
      const pub = createPublicKey(pem);
      if (typeof args.out === "string") {
        const out = resolve(args.out);
        if (existsSync(out)) throw new Error(`${out} exists; choose a new file name`);
        writeFileSync(out, pem, { mode: 0o600 });
        console.log(`Wrote a new signing key to ${out} (mode 0600). Point AUDIT_SIGNING_KEY_FILE at it, or put its contents in AUDIT_SIGNING_KEY.`);
      } else process.stdout.write(pem);
      console.error(`Key id ${keyIdOf(pub)}; public key (base64) ${rawPublicKey(pub).toString("base64")}`);
      return 0;
    }
    case "audit:rotate-key":
      return rotateDemoKey();
    default:
      return null;
  }
}

/** The demo's key lives in a file; production rotates by changing AUDIT_SIGNING_KEY (see the help). */
async function rotateDemoKey(): Promise<number> {
  const signer = auditSigner();
  if (!signer.file) {
    console.error(
      "The signing key comes from AUDIT_SIGNING_KEY. To rotate: make a new key (audit:generate-key), add the current public key (audit:public-key, raw) to AUDIT_RETIRED_PUBLIC_KEYS, set AUDIT_SIGNING_KEY to the new key and restart. The new key signs from the first head after the restart on.",
    );
    return 2;
  }
  const retiredFile = join(dirname(signer.file), DEMO_RETIRED_KEYS_FILE);
  appendFileSync(retiredFile, `${rawPublicKey(signer.publicKey).toString("base64")}\n`, { mode: 0o644 });
  const tmp = `${signer.file}.new`;
  writeFileSync(tmp, generateSigningKeyPem(), { mode: 0o600 });
  renameSync(tmp, signer.file);
  console.log(`Retired key ${signer.keyId} (its public key is in ${retiredFile}); ${signer.file} holds a new key. Restart the server: the new key signs from its first head on.`);
  return 0;
}
