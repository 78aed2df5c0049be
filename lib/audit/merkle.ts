// Security-sensitive: the audit log's RFC 9162 (Certificate Transparency v2) Merkle tree.
// Pure code, no I/O: hashing, the incremental frontier a writer keeps, and the subtree
// bookkeeping a store needs. Proofs and their verification are in ./merkle-proofs and
// re-exported here, so `@/lib/audit/merkle` is the whole API.
//
// Everywhere below, "leaves" are leaf HASHES (leafHash(entry)), never raw entries: the store
// keeps leaf hashes, and a 32-byte length check catches a caller passing raw data.
// Sizes and indexes are plain numbers up to 2^53, so no bit operators (they truncate to 32 bits).
import * as nodeCrypto from "node:crypto";
import { createHash } from "node:crypto";

export const HASH_BYTES = 32;

// crypto.hash (Node >= 20.12) is a one-shot digest without a Hash object: about 40% less CPU per
// call than createHash, and a verify hashes about two million times per 1M events. Older Node
// (the engines range starts at 20.9) takes createHash; both give the same bytes.
const oneShot = typeof nodeCrypto.hash === "function" ? nodeCrypto.hash : null;
const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);
// 0x01 || left || right, rewritten for each node: the one-shot hash copies it before returning.
const nodeInput = Buffer.alloc(1 + 2 * HASH_BYTES, 0x01);

/** RFC 9162 2.1.1: MTH({d}) = SHA-256(0x00 || d). Strings are hashed as UTF-8. */
export function leafHash(data: Buffer | string): Buffer {
  if (oneShot) return oneShot("sha256", typeof data === "string" ? `\u0000${data}` : Buffer.concat([LEAF_PREFIX, data]), "buffer") as Buffer;
  return createHash("sha256").update(LEAF_PREFIX).update(typeof data === "string" ? Buffer.from(data, "utf8") : data).digest();
}

/** RFC 9162 2.1.1: an interior node = SHA-256(0x01 || left || right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  assertHash(left, "left");
  assertHash(right, "right");
  if (oneShot) {
    nodeInput.set(left, 1);
    nodeInput.set(right, 1 + HASH_BYTES);
    return oneShot("sha256", nodeInput, "buffer") as Buffer;
  }
  return createHash("sha256").update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = createHash("sha256").digest();

// ---- small numeric helpers (exported to ./merkle-proofs, not part of the public API) ----

export function assertHash(h: Buffer, what: string): void {
  if (!Buffer.isBuffer(h) || h.length !== HASH_BYTES) {
    throw new TypeError(`${what}: expected a ${HASH_BYTES}-byte hash (leaves are leaf hashes: use leafHash(entry))`);
  }
}

export function assertSize(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${n}`);
}

/** The largest power of two strictly less than n (n >= 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

function popCount(n: number): number {
  let c = 0;
  for (; n > 0; n = Math.floor(n / 2)) c += n % 2;
  return c;
}

/** MTH(D[n]) by the RFC's recursive definition; the reference everything else is tested against. */
export function rootFromLeaves(leaves: readonly Buffer[]): Buffer {
  leaves.forEach((l, i) => assertHash(l, `leaves[${i}]`));
  const mth = (lo: number, hi: number): Buffer => {
    if (hi - lo === 1) return leaves[lo]!;
    const k = splitPoint(hi - lo);
    return nodeHash(mth(lo, lo + k), mth(lo + k, hi));
  };
  return leaves.length === 0 ? EMPTY_ROOT : mth(0, leaves.length);
}

// ---- the frontier ("compact range" [0, size)) ----

/** One hash per set bit of size: the perfect subtrees covering [0, size), largest (leftmost) first. */
export type Frontier = { size: number; hashes: Buffer[] };

export function emptyFrontier(): Frontier {
  return { size: 0, hashes: [] };
}

function assertFrontier(f: Frontier): void {
  assertSize(f.size, "frontier size");
  if (!Array.isArray(f.hashes) || f.hashes.length !== popCount(f.size)) {
    throw new Error(`frontier of size ${f.size} must hold ${popCount(f.size)} hashes, has ${f.hashes?.length}`);
  }
  f.hashes.forEach((h, i) => assertHash(h, `frontier hashes[${i}]`));
}

/** Pushes one leaf hash onto a stack of subtree roots, merging equal-sized neighbours. O(log n). */
function pushLeaf(stack: Buffer[], size: number, leaf: Buffer, onComplete?: (level: number, hash: Buffer) => void): void {
  assertHash(leaf, "leaf");
  let h = leaf;
  onComplete?.(0, h);
  // Each trailing 1 bit of the old size is a subtree of the same size as the one just finished.
  for (let s = size, level = 1; s % 2 === 1; s = Math.floor(s / 2), level++) {
    h = nodeHash(stack.pop()!, h);
    onComplete?.(level, h);
  }
  stack.push(h);
}

export function appendToFrontier(f: Frontier, leaf: Buffer): Frontier {
  assertFrontier(f);
  if (f.size >= Number.MAX_SAFE_INTEGER) throw new RangeError("tree size would exceed 2^53 - 1");
  const hashes = f.hashes.slice();
  pushLeaf(hashes, f.size, leaf);
  return { size: f.size + 1, hashes };
}

/** Folds the subtree roots right to left, which is exactly MTH's split at the largest power of two. */
export function frontierRoot(f: Frontier): Buffer {
  assertFrontier(f);
  if (f.size === 0) return EMPTY_ROOT;
  let acc = f.hashes[f.hashes.length - 1]!;
  for (let i = f.hashes.length - 2; i >= 0; i--) acc = nodeHash(f.hashes[i]!, acc);
  return acc;
}

export function serializeFrontier(f: Frontier): string {
  assertFrontier(f);
  return JSON.stringify({ size: f.size, hashes: f.hashes.map((h) => h.toString("hex")) });
}

export function parseFrontier(s: string): Frontier {
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch {
    throw new Error("malformed frontier: not JSON");
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error("malformed frontier: expected an object {size, hashes}");
  const { size, hashes } = v as { size?: unknown; hashes?: unknown };
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) throw new Error("malformed frontier: size must be a non-negative safe integer");
  if (!Array.isArray(hashes)) throw new Error("malformed frontier: hashes must be an array");
  if (hashes.length !== popCount(size)) throw new Error(`malformed frontier: size ${size} needs ${popCount(size)} hashes, got ${hashes.length}`);
  const bufs = hashes.map((h, i) => {
    if (typeof h !== "string" || !/^[0-9a-f]{64}$/.test(h)) throw new Error(`malformed frontier: hashes[${i}] is not 64 lower-case hex characters`);
    return Buffer.from(h, "hex");
  });
  return { size, hashes: bufs };
}

// ---- completed subtrees, for stores that persist subtree hashes ----

function assertMinLevel(minLevel: number): void {
  if (minLevel !== Infinity && !(Number.isInteger(minLevel) && minLevel >= 0)) {
    throw new RangeError(`minLevel must be a non-negative integer or Infinity, got ${minLevel}`);
  }
}

/**
 * The perfect subtrees (level >= minLevel) completed by appending leaves oldSize..newSize-1.
 * Subtree (L, i) covers [i*2^L, (i+1)*2^L) and is complete once the size reaches its end, so only
 * ends that are multiples of 2^minLevel are visited: cheap even for a high minLevel.
 */
export function completedSubtrees(oldSize: number, newSize: number, minLevel: number): Array<{ level: number; index: number }> {
  assertSize(oldSize, "oldSize");
  assertSize(newSize, "newSize");
  assertMinLevel(minLevel);
  if (oldSize > newSize) throw new RangeError(`oldSize ${oldSize} > newSize ${newSize}`);
  const out: Array<{ level: number; index: number }> = [];
  if (minLevel > 53) return out;
  const step = 2 ** minLevel;
  for (let end = (Math.floor(oldSize / step) + 1) * step; end <= newSize; end += step) {
    for (let level = minLevel, w = step; end % w === 0; level++, w *= 2) out.push({ level, index: end / w - 1 });
  }
  return out;
}

/** Mutable, allocation-light appender for bulk loads; also collects completed subtree hashes. */
export class TreeBuilder {
  #size: number;
  #stack: Buffer[];
  readonly #minLevel: number;
  #completed: Array<{ level: number; index: number; hash: Buffer }> = [];

  constructor(start: Frontier = emptyFrontier(), minLevel: number = Infinity) {
    assertFrontier(start);
    assertMinLevel(minLevel);
    this.#size = start.size;
    this.#stack = start.hashes.slice();
    this.#minLevel = minLevel;
  }

  push(leaf: Buffer): void {
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError("tree size would exceed 2^53 - 1");
    const end = this.#size + 1;
    pushLeaf(this.#stack, this.#size, leaf, (level, hash) => {
      if (level >= this.#minLevel) this.#completed.push({ level, index: end / 2 ** level - 1, hash });
    });
    this.#size = end;
  }

  get size(): number {
    return this.#size;
  }

  root(): Buffer {
    return frontierRoot(this.frontier());
  }

  frontier(): Frontier {
    return { size: this.#size, hashes: this.#stack.slice() };
  }

  /** Subtrees completed since the last drain, in increasing (end, level) order. */
  drainCompleted(): Array<{ level: number; index: number; hash: Buffer }> {
    const out = this.#completed;
    this.#completed = [];
    return out;
  }
}

export {
  combineRange,
  consistencyProof,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofRanges,
  perfectSubtreesOfRange,
  verifyConsistency,
  verifyInclusion,
  type Range,
} from "./merkle-proofs";
