// Tests for RFC 9162 inclusion and consistency proofs: generation against an independent
// recursive reference (RFC 2.1.3.1 PATH / 2.1.4.1 SUBPROOF, as in transparency-dev/merkle's
// reference_test.go), known answers from that file, range decomposition, tampering, and sizes
// above 2^32 checked against a "virtual" tree built from the proof's own ranges.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  EMPTY_ROOT,
  combineRange,
  consistencyProof,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofRanges,
  leafHash,
  perfectSubtreesOfRange,
  verifyConsistency,
  verifyInclusion,
  type Range,
} from "./merkle";

const sha = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();
const refNode = (l: Buffer, r: Buffer) => sha(Buffer.of(1), l, r);
const split = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
function refRoot(d: Buffer[]): Buffer {
  if (d.length === 0) return sha();
  if (d.length === 1) return d[0]!;
  const k = split(d.length);
  return refNode(refRoot(d.slice(0, k)), refRoot(d.slice(k)));
}
function refPath(m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const k = split(d.length);
  return m < k ? [...refPath(m, d.slice(0, k)), refRoot(d.slice(k))] : [...refPath(m - k, d.slice(k)), refRoot(d.slice(0, k))];
}
function refSubproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [refRoot(d)];
  const k = split(d.length);
  return m <= k ? [...refSubproof(m, d.slice(0, k), b), refRoot(d.slice(k))] : [...refSubproof(m - k, d.slice(k), false), refRoot(d.slice(0, k))];
}

const hex = (b: Buffer) => b.toString("hex");
const hd = (s: string) => Buffer.from(s, "hex");
const L = Array.from({ length: 70 }, (_, i) => sha(Buffer.of(0), Buffer.from(`entry-${i}`)));
const roots = Array.from({ length: 71 }, (_, n) => refRoot(L.slice(0, n)));
const flip = (b: Buffer, i = 0) => {
  const c = Buffer.from(b);
  c[i % c.length] = c[i % c.length]! ^ 1;
  return c;
};

describe("known answers (transparency-dev/merkle testonly/reference_test.go)", () => {
  const D = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map((s) => leafHash(hd(s)));
  const H = {
    l0: "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    l1: "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    l4: "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    n10: "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    n11: "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
    n12: "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
    n13: "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    n20: "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    n21: "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
  };
  const inclusion: Array<[number, number, string[]]> = [
    [0, 1, []],
    [0, 2, [H.l1]],
    [1, 2, [H.l0]],
    [2, 3, [H.n10]],
    [1, 5, [H.l0, H.n11, H.l4]],
    [0, 8, [H.l1, H.n11, H.n21]],
    [5, 8, [H.l4, H.n13, H.n20]],
  ];
  const consistency: Array<[number, number, string[]]> = [
    [1, 1, []],
    [1, 8, [H.l1, H.n11, H.n21]],
    [2, 5, [H.n11, H.l4]],
    [6, 8, [H.n12, H.n13, H.n20]],
  ];
  it.each(inclusion)("inclusion %i in %i", (m, n, want) => {
    const proof = inclusionProof(D, m, n);
    expect(proof.map(hex)).toEqual(want);
    expect(verifyInclusion(m, n, D[m]!, proof, refRoot(D.slice(0, n)))).toBe(true);
  });
  it.each(consistency)("consistency %i -> %i", (m, n, want) => {
    const proof = consistencyProof(D, m, n);
    expect(proof.map(hex)).toEqual(want);
    expect(verifyConsistency(m, n, refRoot(D.slice(0, m)), refRoot(D.slice(0, n)), proof)).toBe(true);
  });
});

describe("ranges", () => {
  // A range hash from its perfect subtrees, each hashed independently from the leaves.
  const viaSubtrees = (r: Range) => combineRange(r, perfectSubtreesOfRange(r).map(({ level, index }) => refRoot(L.slice(index * 2 ** level, (index + 1) * 2 ** level))));

  it("perfectSubtreesOfRange + combineRange give MTH(D[start:end]) for every range of a 40-leaf tree", () => {
    for (let s = 0; s < 40; s++) {
      for (let e = s + 1; e <= 40; e++) {
        const subs = perfectSubtreesOfRange({ start: s, end: e });
        let at = s; // contiguous, aligned, in order
        for (const { level, index } of subs) {
          expect(Number.isInteger(index) && index >= 0 && Number.isInteger(level)).toBe(true);
          expect(index * 2 ** level).toBe(at);
          at += 2 ** level;
        }
        expect(at).toBe(e);
        expect(hex(viaSubtrees({ start: s, end: e })), `[${s},${e})`).toBe(hex(refRoot(L.slice(s, e))));
      }
    }
  });

  it("a proof's ranges need at most 2 log2(n) stored subtrees each, and those equal the reference proof", () => {
    for (let n = 1; n <= 70; n++) {
      const limit = 2 * Math.ceil(Math.log2(n + 1));
      for (let m = 0; m < n; m++) {
        const rs = inclusionProofRanges(m, n);
        rs.forEach((r) => expect(perfectSubtreesOfRange(r).length).toBeLessThanOrEqual(limit));
        expect(rs.map(viaSubtrees).map(hex)).toEqual(refPath(m, L.slice(0, n)).map(hex));
      }
      for (let m = 1; m <= n; m++) expect(consistencyProofRanges(m, n).map(viaSubtrees).map(hex)).toEqual(refSubproof(m, L.slice(0, n), true).map(hex));
    }
  });

  it("the leftmost subtree is a whole left child, so combining is a right fold, not a left fold", () => {
    const r = { start: 0, end: 7 };
    expect(perfectSubtreesOfRange(r)).toEqual([{ level: 2, index: 0 }, { level: 1, index: 2 }, { level: 0, index: 6 }]);
    const [a, b, c] = [roots[4]!, refRoot(L.slice(4, 6)), L[6]!];
    expect(combineRange(r, [a, b, c])).toEqual(refNode(a, refNode(b, c)));
    expect(combineRange(r, [a, b, c])).not.toEqual(refNode(refNode(a, b), c));
  });

  it("rejects bad ranges and wrong hash counts", () => {
    expect(() => perfectSubtreesOfRange({ start: 3, end: 3 })).toThrow(RangeError);
    expect(() => perfectSubtreesOfRange({ start: -1, end: 3 })).toThrow(RangeError);
    expect(() => combineRange({ start: 0, end: 3 }, [L[0]!])).toThrow(/too few/);
    expect(() => combineRange({ start: 0, end: 2 }, [L[0]!, L[1]!])).toThrow(/expected 1/);
    expect(() => inclusionProofRanges(5, 5)).toThrow(RangeError);
    expect(() => consistencyProofRanges(6, 5)).toThrow(RangeError);
    expect(consistencyProofRanges(0, 5)).toEqual([]);
    expect(consistencyProofRanges(5, 5)).toEqual([]);
  });
});

describe("inclusion proofs", () => {
  it("match the reference and verify for every leaf of every size 1..70", () => {
    for (let n = 1; n <= 70; n++) {
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(L, m, n);
        expect(proof.map(hex), `${m}/${n}`).toEqual(refPath(m, L.slice(0, n)).map(hex));
        expect(verifyInclusion(m, n, L[m]!, proof, roots[n]!), `${m}/${n}`).toBe(true);
      }
    }
  });

  it("reject every tampering for all trees up to 40", () => {
    for (let n = 1; n <= 40; n++) {
      for (let m = 0; m < n; m++) {
        const p = inclusionProof(L, m, n);
        const no = (what: string, ok: boolean) => expect(ok, `${what} ${m}/${n}`).toBe(false);
        p.forEach((_, i) => no(`flip ${i}`, verifyInclusion(m, n, L[m]!, p.map((h, j) => (j === i ? flip(h, i) : h)), roots[n]!)));
        for (let j = 0; j < n; j++) if (j !== m) no(`index ${j}`, verifyInclusion(j, n, L[m]!, p, roots[n]!));
        no("index = size", verifyInclusion(n, n, L[m]!, p, roots[n]!));
        // A wrong size with that size's root. (With the ORIGINAL root some wrong sizes verify:
        // the path shape can be the same, which is why heads sign size and root together.)
        for (const s of [n - 1, n + 1]) if (s >= 1 && m < s) no(`size ${s}`, verifyInclusion(m, s, L[m]!, p, roots[s]!));
        no("leaf", verifyInclusion(m, n, flip(L[m]!), p, roots[n]!));
        no("root", verifyInclusion(m, n, L[m]!, p, flip(roots[n]!)));
        if (p.length > 0) no("truncated", verifyInclusion(m, n, L[m]!, p.slice(0, -1), roots[n]!));
        no("extra", verifyInclusion(m, n, L[m]!, [...p, L[0]!], roots[n]!));
        no("extra first", verifyInclusion(m, n, L[m]!, [L[0]!, ...p], roots[n]!));
        if (p.length > 1) no("swapped", verifyInclusion(m, n, L[m]!, [p[1]!, p[0]!, ...p.slice(2)], roots[n]!));
        if (p.length > 0) no("short hash", verifyInclusion(m, n, L[m]!, [p[0]!.subarray(0, 31), ...p.slice(1)], roots[n]!));
      }
    }
  });

  it("reject the genuine root at a size whose proof has another length (the final sn == 0 check)", () => {
    let checked = 0;
    for (let n = 1; n <= 40; n++) {
      for (let m = 0; m < n; m++) {
        const p = inclusionProof(L, m, n);
        for (let s = m + 1; s <= 80; s++) {
          if (inclusionProofRanges(m, s).length === p.length) continue;
          checked++;
          expect(verifyInclusion(m, s, L[m]!, p, roots[n]!), `${m}/${n} as size ${s}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("throw only on invalid sizes", () => {
    expect(() => verifyInclusion(-1, 3, L[0]!, [], roots[3]!)).toThrow(RangeError);
    expect(() => verifyInclusion(0, 1.5, L[0]!, [], roots[3]!)).toThrow(RangeError);
    expect(verifyInclusion(0, 0, L[0]!, [], EMPTY_ROOT)).toBe(false);
    expect(verifyInclusion(0, 1, L[0]!, [], L[0]!)).toBe(true);
  });
});

describe("consistency proofs", () => {
  it("match the reference and verify for all 0 <= first <= second <= 40", () => {
    for (let n = 0; n <= 40; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(L, m, n);
        expect(proof.map(hex), `${m}->${n}`).toEqual(m === 0 ? [] : refSubproof(m, L.slice(0, n), true).map(hex));
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, proof), `${m}->${n}`).toBe(true);
      }
    }
  });

  it("reject every tampering for all 1 <= first <= second <= 40", () => {
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= n; m++) {
        const p = consistencyProof(L, m, n);
        const no = (what: string, ok: boolean) => expect(ok, `${what} ${m}->${n}`).toBe(false);
        p.forEach((_, i) => no(`flip ${i}`, verifyConsistency(m, n, roots[m]!, roots[n]!, p.map((h, j) => (j === i ? flip(h, i) : h)))));
        no("first root", verifyConsistency(m, n, flip(roots[m]!), roots[n]!, p));
        no("second root", verifyConsistency(m, n, roots[m]!, flip(roots[n]!), p));
        if (p.length > 0) no("truncated", verifyConsistency(m, n, roots[m]!, roots[n]!, p.slice(0, -1)));
        no("extra", verifyConsistency(m, n, roots[m]!, roots[n]!, [...p, L[0]!]));
        if (p.length > 0) no("extra first", verifyConsistency(m, n, roots[m]!, roots[n]!, [roots[m]!, ...p]));
        for (const s of [m - 1, m + 1]) if (s >= 1 && s <= n && s !== m) no(`first ${s}`, verifyConsistency(s, n, roots[s]!, roots[n]!, p));
        for (const s of [n - 1, n + 1]) if (s >= m && s <= 70 && s !== n) no(`second ${s}`, verifyConsistency(m, s, roots[m]!, roots[s]!, p));
        if (m < n) no("reversed", verifyConsistency(n, m, roots[n]!, roots[m]!, p));
        if (m < n) no("unrelated first root", verifyConsistency(m, n, refRoot(L.slice(1, m + 1)), roots[n]!, p));
      }
    }
  });

  it("reject the genuine roots at sizes whose proof has another length (the final sn == 0 check)", () => {
    let checked = 0;
    for (let n = 2; n <= 40; n++) {
      for (let m = 1; m < n; m++) {
        const p = consistencyProof(L, m, n);
        for (let s = m + 1; s <= 80; s++) {
          if (consistencyProofRanges(m, s).length === p.length) continue;
          checked++;
          expect(verifyConsistency(m, s, roots[m]!, roots[n]!, p), `${m}->${n} as ${m}->${s}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("edge cases: equal sizes and the empty tree", () => {
    expect(verifyConsistency(5, 5, roots[5]!, roots[5]!, [])).toBe(true);
    expect(verifyConsistency(5, 5, roots[5]!, roots[6]!, [])).toBe(false);
    expect(verifyConsistency(5, 5, roots[5]!, roots[5]!, [L[0]!])).toBe(false);
    expect(verifyConsistency(0, 9, EMPTY_ROOT, roots[9]!, [])).toBe(true);
    expect(verifyConsistency(0, 9, roots[1]!, roots[9]!, [])).toBe(false);
    expect(verifyConsistency(0, 9, EMPTY_ROOT, roots[9]!, [L[0]!])).toBe(false);
    expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(true);
    expect(verifyConsistency(0, 0, EMPTY_ROOT, roots[1]!, [])).toBe(false);
    expect(verifyConsistency(3, 8, roots[3]!, roots[8]!, [])).toBe(false);
    expect(() => verifyConsistency(-1, 8, roots[3]!, roots[8]!, [])).toThrow(RangeError);
  });
});

// Above 2^32: give each proof range a random hash and build the roots by MTH's own recursion,
// looking each node up among those ranges; the library's iterative verifier must agree.
function virtualRoot(lo: number, hi: number, known: Map<string, Buffer>): Buffer {
  const h = known.get(`${lo}:${hi}`);
  if (h) return h;
  if (hi - lo === 1) throw new Error(`leaf ${lo} not covered by the proof`);
  const k = split(hi - lo);
  return refNode(virtualRoot(lo, lo + k, known), virtualRoot(lo + k, hi, known));
}

describe("sizes above 2^32", () => {
  const big = [2 ** 32 + 1, 2 ** 33 + 5, 2 ** 40 - 1, 2 ** 40, 2 ** 45 + 2 ** 33 + 7, 2 ** 53 - 1];
  it("inclusion", () => {
    for (const n of big) {
      for (const m of [0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, n - 2, n - 1]) {
        const rs = inclusionProofRanges(m, n);
        const known = new Map(rs.map((r) => [`${r.start}:${r.end}`, randomBytes(32)]));
        const leaf = randomBytes(32);
        known.set(`${m}:${m + 1}`, leaf);
        const proof = rs.map((r) => known.get(`${r.start}:${r.end}`)!);
        const root = virtualRoot(0, n, known);
        expect(verifyInclusion(m, n, leaf, proof, root), `${m}/${n}`).toBe(true);
        expect(verifyInclusion(m, n, leaf, proof.slice(1), root)).toBe(false);
        if (m > 0) expect(verifyInclusion(m - 1, n, leaf, proof, root)).toBe(false);
      }
    }
  });

  it("consistency", () => {
    for (const n of big) {
      for (const m of [1, 2 ** 31, 2 ** 32, 2 ** 32 + 3, Math.floor(n / 2) + 1, n - 1].filter((m) => m < n)) {
        const rs = consistencyProofRanges(m, n);
        const known = new Map(rs.map((r) => [`${r.start}:${r.end}`, randomBytes(32)]));
        if (split(m + 1) === m) known.set(`0:${m}`, randomBytes(32)); // a power-of-two first tree is not in the proof
        const proof = rs.map((r) => known.get(`${r.start}:${r.end}`)!);
        const [r1, r2] = [virtualRoot(0, m, known), virtualRoot(0, n, known)];
        expect(verifyConsistency(m, n, r1, r2, proof), `${m}->${n}`).toBe(true);
        expect(verifyConsistency(m, n, r1, r2, proof.slice(0, -1))).toBe(false);
      }
    }
  });
});
