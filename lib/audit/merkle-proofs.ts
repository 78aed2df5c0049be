// Security-sensitive: RFC 9162 inclusion (2.1.3) and consistency (2.1.4) proofs for the audit
// log's Merkle tree. Pure code. Import it through ./merkle, which re-exports all of this.
//
// Generation is split in two so a store need not read every leaf: *ProofRanges says which leaf
// ranges' hashes make up a proof (in proof order), perfectSubtreesOfRange says which stored
// perfect subtrees make up one range, and combineRange folds those into the range's MTH.
import { EMPTY_ROOT, HASH_BYTES, assertHash, assertSize, isPowerOfTwo, nodeHash, rootFromLeaves, splitPoint } from "./merkle";

/** Half-open leaf range [start, end). */
export type Range = { start: number; end: number };

const half = (n: number) => Math.floor(n / 2);
const odd = (n: number) => n % 2 === 1;

/** RFC 9162 2.1.3.1 PATH(m, D[n]), as the ranges whose MTH each proof element is. */
export function inclusionProofRanges(leafIndex: number, treeSize: number): Range[] {
  assertSize(leafIndex, "leafIndex");
  assertSize(treeSize, "treeSize");
  if (leafIndex >= treeSize) throw new RangeError(`leafIndex ${leafIndex} is not in a tree of size ${treeSize}`);
  // Walk down from the root; the RFC appends each sibling after the deeper part of the path,
  // so collect top-down and reverse.
  const out: Range[] = [];
  let lo = 0;
  let n = treeSize;
  let m = leafIndex;
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      out.push({ start: lo + k, end: lo + n });
      n = k;
    } else {
      out.push({ start: lo, end: lo + k });
      lo += k;
      m -= k;
      n -= k;
    }
  }
  return out.reverse();
}

/** RFC 9162 2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), as ranges. */
export function consistencyProofRanges(first: number, second: number): Range[] {
  assertSize(first, "first");
  assertSize(second, "second");
  if (first > second) throw new RangeError(`first ${first} > second ${second}`);
  if (first === 0 || first === second) return [];
  const out: Range[] = [];
  let lo = 0;
  let n = second;
  let m = first;
  let b = true; // the RFC's flag: is MTH(D[0:m]) known to the verifier already?
  while (m < n) {
    const k = splitPoint(n);
    if (m <= k) {
      out.push({ start: lo + k, end: lo + n });
      n = k;
    } else {
      out.push({ start: lo, end: lo + k });
      lo += k;
      m -= k;
      n -= k;
      b = false;
    }
  }
  if (!b) out.push({ start: lo, end: lo + m }); // SUBPROOF(m, D[m], false) = {MTH(D[m])}
  return out.reverse();
}

/**
 * Walks MTH(D[start:end])'s own split structure and emits every node that is also an aligned
 * perfect subtree of the big tree. For every range a proof uses, start is aligned to the range's
 * top power of two, so this is the usual compact range (at most ~2 log n subtrees); for other
 * ranges it descends further (down to single leaves if need be) but stays correct.
 */
function walkRange(r: Range, onPerfect: (level: number, index: number) => Buffer | void): Buffer | void {
  assertSize(r.start, "range start");
  assertSize(r.end, "range end");
  if (r.start >= r.end) throw new RangeError(`empty or inverted range [${r.start}, ${r.end})`);
  const walk = (lo: number, hi: number): Buffer | void => {
    const n = hi - lo;
    if (isPowerOfTwo(n) && lo % n === 0) return onPerfect(Math.log2(n), lo / n);
    const k = splitPoint(n);
    const left = walk(lo, lo + k);
    const right = walk(lo + k, hi);
    return left && right ? nodeHash(left, right) : undefined;
  };
  return walk(r.start, r.end);
}

export function perfectSubtreesOfRange(r: Range): Array<{ level: number; index: number }> {
  const out: Array<{ level: number; index: number }> = [];
  walkRange(r, (level, index) => void out.push({ level, index }));
  return out;
}

/**
 * MTH(D[start:end]) from the hashes of perfectSubtreesOfRange(r), in that order. For an aligned
 * range this is the right-to-left fold of a compact range (MTH splits at the largest power of two,
 * so the leftmost, biggest subtree is always a whole left child) — not a left fold.
 */
export function combineRange(r: Range, perfectHashes: readonly Buffer[]): Buffer {
  let i = 0;
  const root = walkRange(r, (level, index) => {
    const h = perfectHashes[i++];
    if (h === undefined) throw new RangeError(`combineRange [${r.start}, ${r.end}): too few hashes (${perfectHashes.length})`);
    assertHash(h, `hash of subtree level ${level} index ${index}`);
    return h;
  });
  if (i !== perfectHashes.length) throw new RangeError(`combineRange [${r.start}, ${r.end}): expected ${i} hashes, got ${perfectHashes.length}`);
  return root!;
}

function hashesOf(leaves: readonly Buffer[], size: number, ranges: Range[]): Buffer[] {
  if (size > leaves.length) throw new RangeError(`tree size ${size} > ${leaves.length} leaves given`);
  return ranges.map((r) => rootFromLeaves(leaves.slice(r.start, r.end)));
}

/** For tests and small trees: the inclusion proof from all leaf hashes. */
export function inclusionProof(leaves: readonly Buffer[], leafIndex: number, treeSize: number): Buffer[] {
  return hashesOf(leaves, treeSize, inclusionProofRanges(leafIndex, treeSize));
}

/** For tests and small trees: the consistency proof from all leaf hashes. */
export function consistencyProof(leaves: readonly Buffer[], first: number, second: number): Buffer[] {
  return hashesOf(leaves, second, consistencyProofRanges(first, second));
}

const isHash = (h: unknown): h is Buffer => Buffer.isBuffer(h) && h.length === HASH_BYTES;

/** RFC 9162 2.1.3.2, step for step. False for any bad proof; throws only on invalid sizes. */
export function verifyInclusion(leafIndex: number, treeSize: number, leaf: Buffer, proof: readonly Buffer[], root: Buffer): boolean {
  assertSize(leafIndex, "leafIndex");
  assertSize(treeSize, "treeSize");
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  // 1. leaf_index >= tree_size fails.
  if (leafIndex >= treeSize) return false;
  // 2.-3.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  // 4.
  for (const p of proof) {
    if (sn === 0) return false; // a. more proof than tree
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        // The node is a right edge with no sibling at these levels: climb past them.
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  return sn === 0 && r.equals(root);
}

/**
 * RFC 9162 2.1.4.2, step for step, plus the cases it leaves to the caller: first == second is
 * consistent iff the proof is empty and the roots are equal; first == 0 iff the proof is empty
 * (and firstRoot is the empty tree's root). False for any bad proof; throws only on invalid sizes.
 */
export function verifyConsistency(first: number, second: number, firstRoot: Buffer, secondRoot: Buffer, proof: readonly Buffer[]): boolean {
  assertSize(first, "first");
  assertSize(second, "second");
  if (!isHash(firstRoot) || !isHash(secondRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (first > second) return false;
  if (first === 0) return proof.length === 0 && firstRoot.equals(EMPTY_ROOT) && (second !== 0 || secondRoot.equals(EMPTY_ROOT));
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  // 1.
  if (proof.length === 0) return false;
  // 2. A power-of-two first tree is a node of the second; its root is the starting point.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  // 3.
  let fn = first - 1;
  let sn = second - 1;
  // 4.
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return false; // a.
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 7.
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}
