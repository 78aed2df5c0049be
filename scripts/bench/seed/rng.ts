// Deterministic randomness for the standard dataset (docs/decisions/700): one seeded
// generator per area, so adding rows to one area never shifts another's content, and ids
// derived from (area, index) rather than from crypto.randomUUID / cuid.
import { createHash } from "node:crypto";

/** Every timestamp of the dataset is relative to this instant; history ends here. */
export const ANCHOR = Date.UTC(2026, 11, 1);
export const DAY = 86_400_000;
/** Three years of history before the anchor (posture snapshots, events, decisions). */
export const SPAN_DAYS = 3 * 365 + 1;
export const START = ANCHOR - SPAN_DAYS * DAY;

/** sfc32: small, fast, good enough for test data; seeded from a label. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(label: string) {
    const h = createHash("sha256").update(label).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** `k` distinct items (k <= items.length), in a random order. */
  some<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + this.int(copy.length - i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  }

  hex(bytes: number): string {
    let s = "";
    for (let i = 0; i < bytes; i++) s += this.int(256).toString(16).padStart(2, "0");
    return s;
  }
}

function digest(label: string): Buffer {
  return createHash("sha256").update(label).digest();
}

/** A cuid-shaped id (what Prisma's @default(cuid()) writes), derived from a label. */
export function cuidOf(label: string): string {
  const h = digest(label);
  let s = "c";
  for (let i = 0; i < 24; i++) s += (h[i]! % 36).toString(36);
  return s;
}

/** A v4-shaped UUID (what randomUUID writes), derived from a label. */
export function uuidOf(label: string): string {
  const h = digest(label);
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Count at a scale: rounded, at least 1. */
export function scaled(count: number, scale: number): number {
  return Math.max(1, Math.round(count * scale));
}

/** Millisecond instant `days` (fractional) after START. */
export const at = (days: number) => Math.floor(START + days * DAY);
