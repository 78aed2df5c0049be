import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_HEAD_GAP_MS } from "./cadence";
import { canonicalEvent } from "./chain";
import { leafHash, TreeBuilder } from "./merkle";
import { keyIdOf, signHead, type HeadKind, type SignedTreeHead } from "./tree-head";
import { LogVerifier, type SealedEvent } from "./verify-log";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const keyId = keyIdOf(publicKey);
const trustedKeys = new Map([[keyId, publicKey]]);
const T0 = Date.UTC(2026, 11, 1);

function events(n: number): SealedEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const e = { seq: i + 1, at: new Date(T0 + i * 1000), actorType: "system", actorId: null, actorLabel: "t", action: "a", entityType: null, entityId: null, diff: null, ip: null };
    return { ...e, leafHash: leafHash(canonicalEvent(e)).toString("hex") };
  });
}

/** Heads over the given events at the given sizes, one minute apart, the last one `lastKind`. */
function heads(evs: SealedEvent[], sizes: number[], lastKind: HeadKind = "shutdown"): SignedTreeHead[] {
  const tree = new TreeBuilder();
  const out: SignedTreeHead[] = [];
  for (const [i, size] of sizes.entries()) {
    while (tree.size < size) tree.push(Buffer.from(evs[tree.size]!.leafHash!, "hex"));
    out.push(signHead({ headIndex: i + 1, treeSize: size, rootHash: tree.root().toString("hex"), timestamp: T0 + i * 60_000, kind: i === sizes.length - 1 ? lastKind : "seal", keyId }, privateKey));
  }
  return out;
}

/** The same head with some fields changed, signed again with the trusted key. */
function resign(h: SignedTreeHead, changes: Partial<SignedTreeHead>): SignedTreeHead {
  const { signature: _, ...head } = { ...h, ...changes };
  return signHead(head, privateKey);
}

function verify(evs: SealedEvent[], hs: SignedTreeHead[], extra: { sealerLive?: boolean; now?: number } = {}) {
  const v = new LogVerifier({ heads: hs, trustedKeys, now: extra.now ?? T0 + hs.length * 60_000, sealerLive: extra.sealerLive ?? false, unsealed: { count: 0, oldestAt: null } });
  for (const e of evs) v.add(e);
  return v.finish();
}

describe("LogVerifier", () => {
  const evs = events(20);
  const hs = heads(evs, [5, 12, 20]);

  it("passes an intact log", () => {
    expect(verify(evs, hs)).toMatchObject({ ok: true, events: 20, firstBadSeq: null });
  });

  it("names an altered event exactly even though the head over it also fails", () => {
    const bad = evs.map((e) => (e.seq === 9 ? { ...e, action: "forged" } : e));
    const r = verify(bad, hs);
    expect(r.firstBadSeq).toBe(9);
    expect(r.findings.some((f) => f.through === 12 && f.seq === 6)).toBe(true);
  });

  it("bounds a rewrite with recomputed leaf hashes by the heads around it", () => {
    const bad = evs.map((e) => (e.seq === 9 ? (() => { const f = { ...e, action: "forged" }; return { ...f, leafHash: leafHash(canonicalEvent(f)).toString("hex") }; })() : e));
    expect(verify(bad, hs)).toMatchObject({ ok: false, firstBadSeq: 6 });
  });

  it("finds a missing head index, a forged signature and an untrusted key", () => {
    expect(verify(evs, [hs[0]!, hs[2]!])).toMatchObject({ ok: false, firstBadSeq: 6 });
    expect(verify(evs, [hs[0]!, { ...hs[1]!, signature: hs[0]!.signature }, hs[2]!]).findings.map((f) => f.reason).join()).toMatch(/invalid signature/);
    const other = generateKeyPairSync("ed25519");
    const { signature: _, ...unsigned } = hs[2]!;
    const forged = signHead({ ...unsigned, keyId: keyIdOf(other.publicKey) }, other.privateKey);
    expect(verify(evs, [hs[0]!, hs[1]!, forged]).findings.map((f) => f.reason).join()).toMatch(/not a trusted public key/);
  });

  it("treats a long gap as a finding unless the later head is a startup head", () => {
    const far = resign(hs[2]!, { timestamp: hs[1]!.timestamp + MAX_HEAD_GAP_MS + 1 });
    expect(verify(evs, [hs[0]!, hs[1]!, far], { now: far.timestamp }).findings.map((f) => f.reason).join()).toMatch(/no signed head between/);
    const back = resign(hs[2]!, { kind: "startup", timestamp: hs[1]!.timestamp + MAX_HEAD_GAP_MS + 1 });
    const r = verify(evs, [hs[0]!, hs[1]!, back], { sealerLive: true, now: back.timestamp });
    expect(r.ok).toBe(true);
    expect(r.notes.join()).toMatch(/No sealer ran/);
  });

  it("a log ending without a shutdown head: fine while a sealer is live and the head is fresh, a finding otherwise", () => {
    const open = heads(evs, [5, 12, 20], "seal");
    expect(verify(evs, open, { sealerLive: true, now: open[2]!.timestamp + 1000 }).ok).toBe(true);
    expect(verify(evs, open, { sealerLive: true, now: open[2]!.timestamp + MAX_HEAD_GAP_MS + 1 })).toMatchObject({ ok: false, firstBadSeq: 21 });
    expect(verify(evs, open, { sealerLive: false })).toMatchObject({ ok: false, firstBadSeq: 21 });
  });
});
