// Tests for the auditor's offline verifier: runs scripts/verify-audit-proof.mjs as a child process
// on proof documents built with lib/audit (exit 0 when intact, 1 for each kind of tampering, 2 for
// usage errors), and cross-checks its independent Merkle/head code against the library in-process.
import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalEvent } from "@/lib/audit/chain";
import { EMPTY_ROOT, TreeBuilder, consistencyProof, consistencyProofRanges, inclusionProof, leafHash, verifyConsistency, verifyInclusion } from "@/lib/audit/merkle";
import { generateSigningKey, headMessage, parsePrivateKey, signHead, type SignedTreeHead, type TreeHead } from "@/lib/audit/tree-head";

const SCRIPT = join(__dirname, "verify-audit-proof.mjs");
const dir = mkdtempSync(join(tmpdir(), "verify-audit-proof-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keyNow = generateSigningKey();
const keyOld = generateSigningKey();
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return p;
};
const NOW = file("now.pem", keyNow.publicKeyPem);
const OLD = file("old.pem", keyOld.publicKeyPem);

// 40 events, as the app would store them; the leaf input is the audit chain's canonical form.
const events = Array.from({ length: 40 }, (_, i) => ({
  seq: i + 1,
  at: new Date(Date.UTC(2026, 11, 2, 10, 0, i)).toISOString(),
  actorType: i % 7 === 0 ? "system" : "user",
  actorId: i % 7 === 0 ? null : `u${i % 3}`,
  actorLabel: i % 7 === 0 ? null : `user${i % 3}@example.com`,
  action: i % 2 ? "asset.create" : "asset.update",
  entityType: "Asset",
  entityId: `a${i}`,
  diff: i % 5 === 0 ? null : JSON.stringify({ n: i, note: "ünïcode \"quoted\"" }),
  ip: i % 4 === 0 ? null : "203.0.113.9",
}));
const inputs = events.map((e) => canonicalEvent({ ...e, at: new Date(e.at) }));
const leaves = inputs.map((s) => leafHash(s));
const rootOf = (n: number) => {
  const b = new TreeBuilder();
  leaves.slice(0, n).forEach((l) => b.push(l));
  return b.root().toString("hex");
};
function head(headIndex: number, treeSize: number, key = keyNow, kind: TreeHead["kind"] = "seal", rootHash = rootOf(treeSize)): SignedTreeHead {
  const h: TreeHead = { headIndex, treeSize, rootHash, timestamp: 1764669600000 + headIndex, kind, keyId: key.keyId };
  return signHead(h, parsePrivateKey(key.privateKeyPem));
}
const hex = (bs: Buffer[]) => bs.map((b) => b.toString("hex"));

function inclusionDoc(seq: number, th = head(3, 40)) {
  return {
    type: "inclusion",
    event: events[seq - 1]!,
    leafIndex: seq - 1,
    leafInput: inputs[seq - 1]!,
    leafHash: leaves[seq - 1]!.toString("hex"),
    treeHead: th,
    inclusionProof: hex(inclusionProof(leaves, seq - 1, th.treeSize)),
  };
}
function consistencyDoc(first: number, second: number, firstHead: SignedTreeHead | null, secondHead: SignedTreeHead | null) {
  return { type: "consistency", first, second, firstHead, secondHead, firstRootHash: rootOf(first), secondRootHash: rootOf(second), proof: hex(consistencyProof(leaves, first, second)) };
}

let n = 0;
function run(args: string[], script = SCRIPT) {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const verifyDoc = (doc: unknown, keys = [NOW, OLD]) => run([...keys.flatMap((k) => ["--public-key", k]), file(`doc${n++}.json`, doc)]);

const flipHex = (h: string) => (h[0] === "0" ? "1" : "0") + h.slice(1);
type Doc = Record<string, any>; // tampering reaches into arbitrary fields
const tamper = (base: () => Doc, f: (d: Doc) => void) => () => {
  const d = structuredClone(base());
  f(d);
  return d;
};

describe("verify-audit-proof.mjs as a program", { timeout: 60_000 }, () => {
  it("imports only node:* modules, so it can be copied alone", () => {
    const src = readFileSync(SCRIPT, "utf8");
    const specifiers = [...src.matchAll(/(?:^|\n)\s*import\s[^"']*["']([^"']+)["']|import\(\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !s!.startsWith("node:"))).toEqual([]);
    expect(src).not.toMatch(/require\(/);
  });

  it("accepts intact inclusion proofs (first, middle, last leaf; a head signed with the old key)", () => {
    for (const doc of [inclusionDoc(1), inclusionDoc(12), inclusionDoc(40), inclusionDoc(7, head(1, 9, keyOld, "startup")), inclusionDoc(1, head(0, 1))]) {
      const r = verifyDoc(doc);
      expect(r.code, r.out + r.err).toBe(0);
      expect(r.out).toMatch(/^PASS: all 5 checks passed$/m);
      expect(r.out).not.toMatch(/FAIL/);
    }
  });

  const inc = () => inclusionDoc(12);
  const inclusionTampering: Array<[string, () => Doc]> = [
    ["event field changed", tamper(inc, (d) => (d.event.action = "asset.delete"))],
    ["event ip null -> missing", tamper(inc, (d) => delete d.event.ip)],
    ["event seq changed", tamper(inc, (d) => (d.event.seq = 13))],
    ["event at reformatted", tamper(inc, (d) => (d.event.at = d.event.at.replace(".000Z", "Z")))],
    ["leafInput changed", tamper(inc, (d) => (d.leafInput = d.leafInput.replace("asset", "Asset")))],
    ["leafIndex changed", tamper(inc, (d) => (d.leafIndex = 12))],
    ["leafHash changed", tamper(inc, (d) => (d.leafHash = flipHex(d.leafHash)))],
    ["proof element changed", tamper(inc, (d) => (d.inclusionProof[2] = flipHex(d.inclusionProof[2])))],
    ["proof truncated", tamper(inc, (d) => d.inclusionProof.pop())],
    ["proof extended", tamper(inc, (d) => d.inclusionProof.push(d.leafHash))],
    ["proof not hex", tamper(inc, (d) => (d.inclusionProof[0] = "zz"))],
    ["head root changed", tamper(inc, (d) => (d.treeHead.rootHash = flipHex(d.treeHead.rootHash)))],
    ["head size changed", tamper(inc, (d) => (d.treeHead.treeSize = 41))],
    ["head timestamp changed", tamper(inc, (d) => (d.treeHead.timestamp += 1))],
    ["head kind changed", tamper(inc, (d) => (d.treeHead.kind = "heartbeat"))],
    ["head signature garbage", tamper(inc, (d) => (d.treeHead.signature = "AAAA"))],
    ["head signature with junk that lenient base64 decoding would skip", tamper(inc, (d) => (d.treeHead.signature += "!!"))],
    ["head signature of another head", tamper(inc, (d) => (d.treeHead.signature = head(4, 40).signature))],
    ["head keyId of the other key", tamper(inc, (d) => (d.treeHead.keyId = keyOld.keyId))],
    ["event missing", tamper(inc, (d) => delete d.event)],
    ["a null event field left out (JSON.stringify would turn it back into null)", tamper(() => inclusionDoc(13), (d) => delete d.event.ip)],
  ];
  it.each(inclusionTampering)("rejects an inclusion proof with: %s", (_, make) => {
    const r = verifyDoc(make());
    expect(r.code, r.out + r.err).toBe(1);
    expect(r.out).toMatch(/^FAIL /m);
    expect(r.out).toMatch(/^FAIL: \d+ of \d+ checks failed$/m);
  });

  it("rejects a head signed by a key that was not given", () => {
    const r = verifyDoc(inclusionDoc(5, head(2, 20, keyOld)), [NOW]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/no --public-key given has keyId/);
  });

  it("accepts intact consistency proofs", () => {
    const docs = [
      consistencyDoc(10, 40, head(1, 10, keyOld), head(3, 40)),
      consistencyDoc(16, 40, head(1, 16), null),
      consistencyDoc(7, 33, null, null),
      consistencyDoc(40, 40, head(3, 40), head(3, 40)),
      { ...consistencyDoc(1, 40, null, head(3, 40)) },
      { ...consistencyDoc(0, 40, null, head(3, 40)), firstRootHash: EMPTY_ROOT.toString("hex") },
    ];
    for (const doc of docs) {
      const r = verifyDoc(doc);
      expect(r.code, r.out + r.err).toBe(0);
      expect(r.out).toMatch(/^PASS/m);
    }
  });

  const con = () => consistencyDoc(10, 40, head(1, 10, keyOld), head(3, 40));
  const consistencyTampering: Array<[string, () => Doc]> = [
    ["proof element changed", tamper(con, (d) => (d.proof[1] = flipHex(d.proof[1])))],
    ["proof truncated", tamper(con, (d) => d.proof.pop())],
    ["proof extended", tamper(con, (d) => d.proof.push(d.proof[0]))],
    ["proof empty", tamper(con, (d) => (d.proof = []))],
    ["first root changed (and its head)", tamper(con, (d) => (d.firstRootHash = d.firstHead.rootHash = flipHex(d.firstRootHash)))],
    ["second root changed", tamper(con, (d) => (d.secondRootHash = flipHex(d.secondRootHash)))],
    ["first size changed", tamper(con, (d) => (d.first = 11))],
    ["sizes reversed", tamper(con, (d) => ([d.first, d.second] = [d.second, d.first]))],
    ["first head for another size", tamper(con, (d) => (d.firstHead = head(2, 20)))],
    ["second head for another root", tamper(con, (d) => (d.secondHead = head(2, 39)))],
    ["second head, validly signed, for the same size but another root", tamper(con, (d) => (d.secondHead = head(3, 40, keyNow, "seal", flipHex(rootOf(40)))))],
    ["second head signature broken", tamper(con, (d) => (d.secondHead.signature = head(1, 10).signature))],
    ["first size 0 with a non-empty proof", tamper(con, (d) => Object.assign(d, { first: 0, firstHead: null, firstRootHash: EMPTY_ROOT.toString("hex") }))],
  ];
  it.each(consistencyTampering)("rejects a consistency proof with: %s", (_, make) => {
    const r = verifyDoc(make());
    expect(r.code, r.out + r.err).toBe(1);
    expect(r.out).toMatch(/^FAIL /m);
  });

  it("verifies head files and counts the heads", () => {
    const heads = [head(0, 1, keyOld, "startup"), head(1, 10, keyOld), head(2, 20), head(3, 40, keyNow, "shutdown")];
    const good = file("heads.json", { heads });
    let r = run(["--public-key", NOW, "--public-key", OLD, "--head-file", good]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/4 of 4 signed tree heads verified/);
    r = run(["--public-key", NOW, `--public-key=${OLD}`, `--head-file=${good}`, file("both.json", inclusionDoc(3))]);
    expect(r.code, r.out + r.err).toBe(0);
    const bad = file("heads-bad.json", { heads: [heads[0], { ...heads[1]!, treeSize: 11 }, heads[2], heads[3]] });
    r = run(["--public-key", NOW, "--public-key", OLD, "--head-file", good, "--head-file", bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL .*head \[1\]/);
    expect(r.out).toMatch(/3 of 4 signed tree heads verified/);
    r = run(["--public-key", NOW, "--head-file", good]); // the old key's heads cannot be checked
    expect(r.code).toBe(1);
  });

  it("exits 2 with a clear message on usage errors", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "pem", type: "spki" }).toString();
    const cases: Array<[string[], RegExp]> = [
      [[], /at least one --public-key/],
      [["--public-key", NOW], /nothing to verify/],
      [["--public-key", NOW, join(dir, "missing.json")], /cannot read .*missing\.json/],
      [["--public-key", join(dir, "missing.pem"), file("x.json", inclusionDoc(1))], /cannot read .*missing\.pem/],
      [["--public-key", file("bad.pem", "hello"), file("y.json", inclusionDoc(1))], /bad\.pem: expected an SPKI PEM/],
      [["--public-key", file("rsa.pem", rsa), file("z.json", inclusionDoc(1))], /rsa\.pem: expected an Ed25519 key, got rsa/],
      [["--public-key", NOW, file("broken.json", "{ not json")], /not valid JSON/],
      [["--public-key", NOW, file("type.json", { type: "other" })], /unknown proof type "other"/],
      [["--public-key", NOW, file("null.json", "null")], /unknown proof type/],
      [["--public-key", NOW, "--head-file", file("noheads.json", { head: [] })], /expected \{"heads"/],
      [["--public-key", NOW, "--frobnicate", "x.json"], /unknown option --frobnicate/],
      [["--public-key", NOW, "a.json", "b.json"], /only one PROOF\.json/],
      [["--public-key"], /--public-key needs a file name/],
    ];
    for (const [args, re] of cases) {
      const r = run(args);
      expect(r.code, `${args.join(" ")}\n${r.out}${r.err}`).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err).toMatch(/usage: node verify-audit-proof\.mjs/);
    }
  });

  it("runs from a lone copy in another directory", () => {
    const lone = mkdtempSync(join(tmpdir(), "auditor-"));
    try {
      const copy = join(lone, "verify-audit-proof.mjs");
      copyFileSync(SCRIPT, copy);
      const r = run(["--public-key", NOW, file("lone.json", inclusionDoc(30))], copy);
      expect(r.code, r.out + r.err).toBe(0);
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });
});

describe("the script's independent implementation agrees with lib/audit", () => {
  it("on every proof of trees up to 40, intact and tampered, and on the signed bytes", async () => {
    const path: string = SCRIPT; // a non-literal specifier: the .mjs has no type declarations
    const s = await import(path);
    const flip = (b: Buffer) => Buffer.from(flipHex(b.toString("hex")), "hex");
    const roots = Array.from({ length: 41 }, (_, k) => Buffer.from(rootOf(k), "hex"));
    for (let size = 1; size <= 40; size++) {
      for (let m = 0; m < size; m++) {
        const p = inclusionProof(leaves, m, size);
        expect(s.verifyInclusion(m, size, leaves[m], p, roots[size])).toBe(true);
        if (p.length) expect(s.verifyInclusion(m, size, leaves[m], [flip(p[0]!), ...p.slice(1)], roots[size])).toBe(false);
        expect(s.verifyInclusion(m, size, leaves[m], [...p, leaves[0]], roots[size])).toBe(false);
      }
      for (let m = 0; m <= size; m++) {
        const p = consistencyProof(leaves, m, size);
        expect(s.verifyConsistency(m, size, roots[m], roots[size], p), `${m}->${size}`).toBe(true);
        if (p.length) expect(s.verifyConsistency(m, size, roots[m], roots[size], p.slice(1))).toBe(false);
        if (m > 0) expect(s.verifyConsistency(m, size, roots[m], flip(roots[size]!), p)).toBe(false); // (any tree extends the empty one)
        // The genuine roots at a size the proof is too short or long for (the final sn == 0 check).
        for (const t of [size + 1, 2 * size, 2 * size + 1]) {
          if (m > 0 && consistencyProofRanges(m, t).length !== p.length) expect(s.verifyConsistency(m, t, roots[m], roots[size], p), `${m}->${size} as ${t}`).toBe(false);
        }
      }
      for (let m = 0; m < size; m++) {
        const p = inclusionProof(leaves, m, size);
        for (const t of [2 * size, 2 * size + 1, 4 * size]) expect(s.verifyInclusion(m, t, leaves[m], p, roots[size]), `${m}/${size} as ${t}`).toBe(false);
      }
    }
    // Every tampered variant gets the same verdict from both implementations.
    const variants = (p: Buffer[]) => [p, [], [...p, leaves[0]!], [leaves[0]!, ...p], p.slice(1), p.slice(0, -1), ...p.map((_, i) => p.map((h, j) => (i === j ? flip(h) : h)))];
    for (let size = 0; size <= 24; size++) {
      for (let m = 0; m <= size; m++) {
        for (const p of variants(consistencyProof(leaves, m, size))) {
          for (const [a, b, r1, r2] of [[m, size, roots[m]!, roots[size]!], [m, size, EMPTY_ROOT, roots[size]!], [m, size, roots[size]!, roots[size]!], [m, size + 1, roots[m]!, roots[size]!], [m + 1, size, roots[m]!, roots[size]!], [size, m, roots[size]!, roots[m]!]] as const) {
            expect(s.verifyConsistency(a, b, r1, r2, p), `${a}->${b}`).toBe(verifyConsistency(a, b, r1, r2, p));
          }
        }
        if (m === size) continue;
        for (const p of variants(inclusionProof(leaves, m, size))) {
          for (const [i, t] of [[m, size], [m + 1, size], [m, size + 1], [m, 2 * size], [size, size]]) expect(s.verifyInclusion(i, t, leaves[m], p, roots[size]), `${i}/${t}`).toBe(verifyInclusion(i!, t!, leaves[m]!, p, roots[size]!));
        }
      }
    }
    const h = head(7, 33, keyNow, "heartbeat");
    expect(s.headMessage(h)).toEqual(headMessage(h));
    expect(events.map((e) => s.canonicalLeafInput(e))).toEqual(inputs);
    expect(s.parsePublicKey(keyOld.publicKeyPem).keyId).toBe(keyOld.keyId);
    expect(s.headProblem(h, [s.parsePublicKey(keyNow.publicKeyPem)])).toBeNull();
  });
});
