#!/usr/bin/env node
// Offline verifier for the audit log's Merkle proofs and signed tree heads, for auditors.
//
//   node verify-audit-proof.mjs --public-key KEY.pem [--public-key OLD.pem ...] [--head-file HEADS.json ...] [PROOF.json]
//
// This is the auditor's INDEPENDENT implementation: it deliberately duplicates the little Merkle
// (RFC 9162 2.1.3.2 / 2.1.4.2) and tree-head code instead of importing lib/audit, so a bug there
// cannot hide itself here, and it must stay dependency-free (node:* imports only) so this one file
// can be copied to an auditor's machine and run with a plain Node >= 20.
// Exit status: 0 every check passed, 1 some check failed, 2 usage or input error.
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

const USAGE = "usage: node verify-audit-proof.mjs --public-key KEY.pem [--public-key OLD.pem ...] [--head-file HEADS.json ...] [PROOF.json]";
const HEX64 = /^[0-9a-f]{64}$/;
const KINDS = ["startup", "seal", "heartbeat", "shutdown"];

// ---- RFC 9162 Merkle tree ----

const sha256 = (...parts) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();
export const leafHash = (data) => sha256(Buffer.of(0), Buffer.from(data));
export const nodeHash = (left, right) => sha256(Buffer.of(1), left, right);
const EMPTY_ROOT = sha256();
// Sizes can exceed 2^32, so no bit operators (they truncate to 32 bits).
const odd = (n) => n % 2 === 1;
const half = (n) => Math.floor(n / 2);
const isSize = (n) => Number.isSafeInteger(n) && n >= 0;
function isPowerOfTwo(n) {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/** RFC 9162 2.1.3.2. All arguments Buffers except the two sizes. */
export function verifyInclusion(leafIndex, treeSize, leaf, proof, root) {
  if (!isSize(leafIndex) || !isSize(treeSize) || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2, plus: equal sizes need an empty proof and equal roots; size 0 an empty proof. */
export function verifyConsistency(first, second, firstRoot, secondRoot, proof) {
  if (!isSize(first) || !isSize(second) || first > second) return false;
  if (first === 0) return proof.length === 0 && firstRoot.equals(EMPTY_ROOT) && (second > 0 || secondRoot.equals(EMPTY_ROOT));
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

// ---- audit events and signed tree heads ----

const EVENT_STRINGS = ["at", "actorType", "action"];
const EVENT_NULLABLE = ["actorId", "actorLabel", "entityType", "entityId", "diff", "ip"];

/** The canonical leaf input; throws naming the first malformed field (undefined must not become null). */
export function canonicalLeafInput(e) {
  if (typeof e !== "object" || e === null) throw new Error("event is not an object");
  if (!Number.isSafeInteger(e.seq) || e.seq < 1) throw new Error("event.seq must be a positive integer");
  for (const k of EVENT_STRINGS) if (typeof e[k] !== "string") throw new Error(`event.${k} must be a string`);
  for (const k of EVENT_NULLABLE) if (typeof e[k] !== "string" && e[k] !== null) throw new Error(`event.${k} must be a string or null`);
  return JSON.stringify([e.seq, e.at, e.actorType, e.actorId, e.actorLabel, e.action, e.entityType, e.entityId, e.diff, e.ip]);
}

/** The exact signed bytes (must match lib/audit/tree-head.ts headMessage); throws on a malformed head. */
export function headMessage(h) {
  if (typeof h !== "object" || h === null) throw new Error("not an object");
  for (const k of ["headIndex", "treeSize", "timestamp"]) if (!isSize(h[k])) throw new Error(`${k} must be a non-negative integer`);
  if (typeof h.rootHash !== "string" || !HEX64.test(h.rootHash)) throw new Error("rootHash must be 64 lower-case hex characters");
  if (!KINDS.includes(h.kind)) throw new Error(`kind must be one of ${KINDS.join(", ")}`);
  if (typeof h.keyId !== "string" || !/^[0-9a-f]{16}$/.test(h.keyId)) throw new Error("keyId must be 16 lower-case hex characters");
  return Buffer.from(
    `oversight-audit-tree-head/v1\nhead ${h.headIndex}\nsize ${h.treeSize}\nroot ${h.rootHash}\ntime ${h.timestamp}\nkind ${h.kind}\nkey ${h.keyId}\n`,
    "utf8",
  );
}

/** SPKI PEM, base64 SPKI DER, or base64 of the raw 32 bytes -> { key, keyId }. */
export function parsePublicKey(text) {
  const t = text.trim();
  let key;
  if (t.startsWith("-----BEGIN PUBLIC KEY-----")) {
    key = createPublicKey({ key: t, format: "pem" });
  } else {
    const s = t.replace(/\s+/g, "");
    if (!s || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) throw new Error("expected an SPKI PEM, base64 SPKI DER or base64 of the raw 32-byte key");
    const der = Buffer.from(s, "base64");
    const spki = der.length === 32 ? Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), der]) : der;
    key = createPublicKey({ key: spki, format: "der", type: "spki" });
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  const raw = key.export({ format: "der", type: "spki" }).subarray(-32);
  return { key, keyId: sha256(raw).toString("hex").slice(0, 16) };
}

/** Returns a reason string on failure, or null when the head is well-formed and correctly signed. */
export function headProblem(h, keys) {
  let msg;
  try {
    msg = headMessage(h);
  } catch (e) {
    return `malformed head: ${e.message}`;
  }
  const k = keys.find((x) => x.keyId === h.keyId);
  if (!k) return `no --public-key given has keyId ${h.keyId}`;
  const sig = typeof h.signature === "string" ? Buffer.from(h.signature, "base64") : null;
  if (!sig || sig.length !== 64 || sig.toString("base64") !== h.signature) return "signature is not base64 of 64 bytes";
  return verify(null, msg, k.key, sig) ? null : "signature does not verify";
}

// ---- the command line ----

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { keys: [], heads: [], proof: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^(--public-key|--head-file)(?:=(.*))?$/.exec(a);
    if (a === "-h" || a === "--help") opts.help = true;
    else if (m) {
      const v = m[2] ?? argv[++i];
      if (!v) throw new UsageError(`${m[1]} needs a file name`);
      (m[1] === "--public-key" ? opts.keys : opts.heads).push(v);
    } else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
    else if (opts.proof !== null) throw new UsageError(`only one PROOF.json at a time (got ${opts.proof} and ${a})`);
    else opts.proof = a;
  }
  if (opts.help) return opts;
  if (opts.keys.length === 0) throw new UsageError("at least one --public-key is required");
  if (opts.proof === null && opts.heads.length === 0) throw new UsageError("nothing to verify: give PROOF.json and/or --head-file");
  return opts;
}

function readText(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e.code ?? e.message}`);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readText(file));
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError(`${file} is not valid JSON: ${e.message}`);
  }
}

const hexList = (v) => (Array.isArray(v) && v.every((h) => typeof h === "string" && HEX64.test(h)) ? v.map((h) => Buffer.from(h, "hex")) : null);

/** Runs the checks for one document, reporting each through check(ok, text). */
function checkInclusion(doc, keys, check) {
  let input;
  try {
    input = canonicalLeafInput(doc.event);
  } catch (e) {
    return check(false, `event is well-formed: ${e.message}`);
  }
  const { seq } = doc.event;
  const leaf = leafHash(input);
  check(doc.leafInput === input, `leafInput is the canonical form of event ${seq}`);
  check(doc.leafIndex === seq - 1, `leafIndex ${doc.leafIndex} is seq ${seq} - 1`);
  check(doc.leafHash === leaf.toString("hex"), `leafHash is SHA-256(0x00 || leafInput) of event ${seq}`);
  const th = doc.treeHead ?? {};
  const proof = hexList(doc.inclusionProof);
  const root = typeof th.rootHash === "string" && HEX64.test(th.rootHash) ? Buffer.from(th.rootHash, "hex") : null;
  check(proof !== null && root !== null && verifyInclusion(seq - 1, th.treeSize, leaf, proof, root), `inclusion proof: event ${seq} is leaf ${seq - 1} of the tree of size ${th.treeSize} with root ${th.rootHash}`);
  const p = headProblem(th, keys);
  check(!p, `tree head #${th.headIndex} (${th.kind}, size ${th.treeSize}) is signed by key ${th.keyId}${p ? `: ${p}` : ""}`);
}

function checkConsistency(doc, keys, check) {
  const { first, second } = doc;
  const r1 = typeof doc.firstRootHash === "string" && HEX64.test(doc.firstRootHash) ? Buffer.from(doc.firstRootHash, "hex") : null;
  const r2 = typeof doc.secondRootHash === "string" && HEX64.test(doc.secondRootHash) ? Buffer.from(doc.secondRootHash, "hex") : null;
  const proof = hexList(doc.proof);
  check(isSize(first) && isSize(second) && first <= second, `sizes ${first} <= ${second}`);
  check(r1 !== null && r2 !== null && proof !== null, "roots and proof are 64-hex hashes");
  check(r1 !== null && r2 !== null && proof !== null && verifyConsistency(first, second, r1, r2, proof), `consistency proof: the tree of size ${first} is a prefix of the tree of size ${second}`);
  for (const [name, h, size, root] of [["firstHead", doc.firstHead, first, doc.firstRootHash], ["secondHead", doc.secondHead, second, doc.secondRootHash]]) {
    if (h === null || h === undefined) {
      console.log(`note ${name} is null: its root hash is not authenticated by a signature here`);
      continue;
    }
    const p = headProblem(h, keys);
    check(!p, `${name} #${h.headIndex} (${h.kind}, size ${h.treeSize}) is signed by key ${h.keyId}${p ? `: ${p}` : ""}`);
    check(h.treeSize === size && h.rootHash === root, `${name} is for size ${size} with root ${root}${h.treeSize === size && h.rootHash === root ? "" : ` (head says size ${h.treeSize}, root ${h.rootHash})`}`);
  }
}

export function main(argv) {
  let passed = 0;
  let failed = 0;
  const check = (ok, text) => {
    console.log(`${ok ? "ok  " : "FAIL"} ${text}`);
    if (ok) passed++;
    else failed++;
  };
  try {
    const opts = parseArgs(argv);
    if (opts.help) {
      console.log(USAGE);
      return 0;
    }
    const keys = opts.keys.map((f) => {
      try {
        return parsePublicKey(readText(f));
      } catch (e) {
        throw e instanceof UsageError ? e : new UsageError(`${f}: ${e.message}`);
      }
    });
    const doc = opts.proof === null ? undefined : readJson(opts.proof);
    if (doc !== undefined && (typeof doc !== "object" || doc === null || !["inclusion", "consistency"].includes(doc.type))) {
      throw new UsageError(`${opts.proof}: unknown proof type ${JSON.stringify(doc?.type)} (expected "inclusion" or "consistency")`);
    }
    const headFiles = opts.heads.map((f) => {
      const v = readJson(f);
      if (typeof v !== "object" || v === null || !Array.isArray(v.heads)) throw new UsageError(`${f}: expected {"heads": [signed tree head, ...]}`);
      return [f, v.heads];
    });
    console.log(`keys: ${keys.map((k) => k.keyId).join(", ")}`);
    if (doc?.type === "inclusion") checkInclusion(doc, keys, check);
    if (doc?.type === "consistency") checkConsistency(doc, keys, check);
    for (const [f, heads] of headFiles) {
      let bad = 0;
      heads.forEach((h, i) => {
        const p = headProblem(h, keys);
        if (p) {
          bad++;
          console.log(`FAIL ${f}: head [${i}] #${h?.headIndex} (size ${h?.treeSize}): ${p}`);
        }
      });
      check(bad === 0, `${f}: ${heads.length - bad} of ${heads.length} signed tree heads verified`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`error: ${e.message}\n${USAGE}`);
    return 2;
  }
  console.log(failed === 0 ? `PASS: all ${passed} checks passed` : `FAIL: ${failed} of ${passed + failed} checks failed`);
  return failed === 0 ? 0 : 1;
}

// Run only as a program, so tests can import the functions above to cross-check the library.
function isMainModule() {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (isMainModule()) process.exitCode = main(process.argv.slice(2));
