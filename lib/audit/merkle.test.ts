// Tests for the RFC 9162 Merkle tree core: hashing, known answers from transparency-dev/merkle's
// testonly package, the frontier, TreeBuilder and completedSubtrees. Everything is compared with
// an independent recursive reference built on node:crypto directly (not on the library's hashes).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  EMPTY_ROOT,
  HASH_BYTES,
  TreeBuilder,
  appendToFrontier,
  completedSubtrees,
  emptyFrontier,
  frontierRoot,
  leafHash,
  nodeHash,
  parseFrontier,
  rootFromLeaves,
  serializeFrontier,
  type Frontier,
} from "./merkle";

const sha = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();
const refLeaf = (d: Buffer) => sha(Buffer.of(0), d);
const refNode = (l: Buffer, r: Buffer) => sha(Buffer.of(1), l, r);
// RFC 9162 2.1.1 literally: k = largest power of two < n.
function refRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return refNode(refRoot(leaves.slice(0, k)), refRoot(leaves.slice(k)));
}

const hex = (b: Buffer) => b.toString("hex");
const hd = (s: string) => Buffer.from(s, "hex");
const L = Array.from({ length: 70 }, (_, i) => refLeaf(Buffer.from(`entry-${i}`)));

// transparency-dev/merkle testonly/constants.go
const TD_INPUTS = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map(hd);
const TD_LEAF_HASHES = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
  "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
  "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
  "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
  "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
  "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
  "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
];
const TD_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
// CompactTrees(): the frontier after each size, as [level, index] of NodeHashes().
const TD_NODE = { "1:0": "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", "1:2": "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "2:0": "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" };

describe("hashing and known answers", () => {
  it("fixed values", () => {
    expect(HASH_BYTES).toBe(32);
    expect(hex(EMPTY_ROOT)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(leafHash(""))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    expect(hex(leafHash(Buffer.alloc(0)))).toBe(hex(leafHash("")));
    expect(leafHash("é")).toEqual(refLeaf(Buffer.from("c3a9", "hex"))); // strings are UTF-8
    expect(nodeHash(L[0]!, L[1]!)).toEqual(refNode(L[0]!, L[1]!));
    expect(nodeHash(L[0]!, L[1]!)).not.toEqual(nodeHash(L[1]!, L[0]!));
  });

  it("transparency-dev/merkle testonly: leaf hashes and the root of every size 0..8", () => {
    const hashes = TD_INPUTS.map((d) => leafHash(d));
    expect(hashes.map(hex)).toEqual(TD_LEAF_HASHES);
    for (let n = 0; n <= 8; n++) expect(hex(rootFromLeaves(hashes.slice(0, n))), `size ${n}`).toBe(TD_ROOTS[n]);
    expect(hex(rootFromLeaves(hashes))).toBe("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
  });

  it("transparency-dev/merkle testonly: the compact trees (frontiers) of sizes 3, 6 and 7", () => {
    let f = emptyFrontier();
    const seen: Record<number, string[]> = {};
    for (const d of TD_INPUTS) {
      f = appendToFrontier(f, leafHash(d));
      seen[f.size] = f.hashes.map(hex);
    }
    expect(seen[3]).toEqual([TD_NODE["1:0"], TD_LEAF_HASHES[2]]);
    expect(seen[6]).toEqual([TD_NODE["2:0"], TD_NODE["1:2"]]);
    expect(seen[7]).toEqual([TD_NODE["2:0"], TD_NODE["1:2"], TD_LEAF_HASHES[6]]);
    expect(seen[8]).toEqual([TD_ROOTS[8]]);
  });

  it("rootFromLeaves equals the independent reference for every size 0..70", () => {
    for (let n = 0; n <= 70; n++) expect(hex(rootFromLeaves(L.slice(0, n))), `size ${n}`).toBe(hex(refRoot(L.slice(0, n))));
  });

  it("refuses raw data where a leaf hash belongs", () => {
    expect(() => rootFromLeaves([Buffer.from("not a hash")])).toThrow(/32-byte hash.*leafHash/);
    expect(() => nodeHash(L[0]!, Buffer.alloc(31))).toThrow(TypeError);
  });
});

describe("frontier", () => {
  it("appending 1..70 leaves gives the reference root at every size, without mutating the input", () => {
    let f = emptyFrontier();
    expect(frontierRoot(f)).toEqual(EMPTY_ROOT);
    for (let n = 1; n <= 70; n++) {
      const before = { size: f.size, hashes: f.hashes.slice() };
      const next = appendToFrontier(f, L[n - 1]!);
      expect(f).toEqual(before);
      f = next;
      expect(f.size).toBe(n);
      expect(f.hashes.length).toBe(n.toString(2).replace(/0/g, "").length);
      expect(hex(frontierRoot(f)), `size ${n}`).toBe(hex(refRoot(L.slice(0, n))));
    }
  });

  it("serializes as {size, hashes:[hex]} and parses back", () => {
    let f = emptyFrontier();
    for (let n = 0; n < 13; n++) {
      const s = serializeFrontier(f);
      expect(JSON.parse(s)).toEqual({ size: f.size, hashes: f.hashes.map(hex) });
      expect(parseFrontier(s)).toEqual(f);
      f = appendToFrontier(f, L[n]!);
    }
  });

  it("rejects malformed serialized frontiers with a clear error", () => {
    const h = "ab".repeat(32);
    const bad: Array<[string, RegExp]> = [
      ["{", /not JSON/],
      ["[]", /expected an object/],
      ["null", /expected an object/],
      [JSON.stringify({ size: -1, hashes: [] }), /size/],
      [JSON.stringify({ size: 1.5, hashes: [h] }), /size/],
      [JSON.stringify({ size: "1", hashes: [h] }), /size/],
      [JSON.stringify({ size: 1 }), /hashes must be an array/],
      [JSON.stringify({ size: 3, hashes: [h] }), /needs 2 hashes/],
      [JSON.stringify({ size: 1, hashes: ["AB".repeat(32)] }), /lower-case hex/],
      [JSON.stringify({ size: 1, hashes: ["ab".repeat(31)] }), /64 lower-case hex/],
      [JSON.stringify({ size: 1, hashes: [7] }), /hashes\[0\]/],
    ];
    for (const [s, re] of bad) expect(() => parseFrontier(s), s).toThrow(re);
  });

  it("rejects an inconsistent in-memory frontier", () => {
    expect(() => frontierRoot({ size: 2, hashes: [] })).toThrow(/must hold 1 hashes/);
    expect(() => appendToFrontier({ size: 1, hashes: [Buffer.alloc(3)] }, L[0]!)).toThrow(TypeError);
  });

  it("works above 2^32 (no 32-bit bit arithmetic)", () => {
    const size = 2 ** 40 - 1; // 40 one bits: appending merges all of them into one subtree
    const f: Frontier = { size, hashes: L.slice(0, 40) };
    const next = appendToFrontier(f, L[40]!);
    expect(next.size).toBe(2 ** 40);
    let want = L[40]!;
    for (let i = 39; i >= 0; i--) want = refNode(L[i]!, want);
    expect(next.hashes).toEqual([want]);
    expect(parseFrontier(serializeFrontier(next))).toEqual(next);
    const f2: Frontier = { size: 2 ** 52 + 2 ** 33, hashes: [L[0]!, L[1]!] };
    expect(frontierRoot(f2)).toEqual(refNode(L[0]!, L[1]!));
  });
});

// All perfect subtrees with level >= minLevel and end in (oldSize, newSize], by brute force.
function bruteCompleted(oldSize: number, newSize: number, minLevel: number) {
  const out: Array<{ level: number; index: number }> = [];
  for (let end = oldSize + 1; end <= newSize; end++) {
    for (let level = 0; 2 ** level <= end; level++) if (level >= minLevel && end % 2 ** level === 0) out.push({ level, index: end / 2 ** level - 1 });
  }
  return out;
}

describe("completedSubtrees and TreeBuilder", () => {
  it("completedSubtrees matches brute force for all 0 <= old <= new <= 40 and several levels", () => {
    for (const minLevel of [0, 1, 2, 3, 6, Infinity]) {
      for (let b = 0; b <= 40; b++) for (let a = 0; a <= b; a++) expect(completedSubtrees(a, b, minLevel), `${a}..${b} >=${minLevel}`).toEqual(bruteCompleted(a, b, minLevel));
    }
    expect(completedSubtrees(0, 8, 0).slice(0, 4)).toEqual([{ level: 0, index: 0 }, { level: 0, index: 1 }, { level: 1, index: 0 }, { level: 0, index: 2 }]);
  });

  it("completedSubtrees is cheap and exact above 2^32", () => {
    expect(completedSubtrees(2 ** 40 - 3, 2 ** 40 + 2, 38)).toEqual([{ level: 38, index: 3 }, { level: 39, index: 1 }, { level: 40, index: 0 }]);
    expect(completedSubtrees(2 ** 50, 2 ** 50 + 2 ** 45, 45)).toEqual([{ level: 45, index: 2 ** 5 }]);
  });

  it("rejects bad arguments", () => {
    expect(() => completedSubtrees(5, 4, 0)).toThrow(RangeError);
    expect(() => completedSubtrees(-1, 4, 0)).toThrow(RangeError);
    expect(() => completedSubtrees(0, 4, -1)).toThrow(RangeError);
    expect(() => completedSubtrees(0, 4, 1.5)).toThrow(RangeError);
    expect(() => new TreeBuilder(emptyFrontier(), -2)).toThrow(RangeError);
  });

  it("TreeBuilder agrees with the frontier and reports completed subtrees with their hashes", () => {
    for (const minLevel of [0, 1, 3]) {
      const b = new TreeBuilder(undefined, minLevel);
      let f = emptyFrontier();
      let drained: Array<{ level: number; index: number; hash: Buffer }> = [];
      for (let n = 1; n <= 70; n++) {
        b.push(L[n - 1]!);
        f = appendToFrontier(f, L[n - 1]!);
        expect(b.size).toBe(n);
        expect(b.frontier()).toEqual(f);
        expect(hex(b.root())).toBe(hex(refRoot(L.slice(0, n))));
        if (n % 9 === 0 || n === 70) drained = drained.concat(b.drainCompleted());
      }
      expect(b.drainCompleted()).toEqual([]);
      expect(drained.map(({ level, index }) => ({ level, index }))).toEqual(completedSubtrees(0, 70, minLevel));
      for (const { level, index, hash } of drained) {
        const w = 2 ** level;
        expect(hex(hash), `${level}:${index}`).toBe(hex(refRoot(L.slice(index * w, (index + 1) * w))));
      }
    }
  });

  it("TreeBuilder resumes from a stored frontier and reports none by default", () => {
    let f = emptyFrontier();
    for (let i = 0; i < 21; i++) f = appendToFrontier(f, L[i]!);
    const b = new TreeBuilder(parseFrontier(serializeFrontier(f)), 2);
    const plain = new TreeBuilder(f);
    for (let i = 21; i < 50; i++) {
      b.push(L[i]!);
      plain.push(L[i]!);
    }
    expect(b.root()).toEqual(refRoot(L.slice(0, 50)));
    expect(plain.root()).toEqual(b.root());
    expect(b.drainCompleted().map(({ level, index }) => ({ level, index }))).toEqual(completedSubtrees(21, 50, 2));
    expect(plain.drainCompleted()).toEqual([]);
    expect(f.size).toBe(21); // the start frontier is copied, not shared
    expect(new TreeBuilder().root()).toEqual(EMPTY_ROOT);
    expect(() => new TreeBuilder().push(Buffer.from("raw"))).toThrow(TypeError);
  });
});
