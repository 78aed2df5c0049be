// Security-sensitive: verifies the audit log against its signed tree heads. Pure: the
// caller streams the events in seq order and hands in the heads and the trusted public
// keys (never read from the database). Everything a database administrator could do
// without the signing key leaves a finding here (docs/decisions/005):
//   - an altered, deleted, inserted or reordered event: its leaf no longer matches, or the
//     recomputed tree no longer matches the first signed head that covers it;
//   - a deleted head: head indexes are signed and contiguous; a deleted newest head leaves
//     sealed events that no head covers;
//   - a forged head: not signed by a trusted key;
//   - a cut tail: heads covering events that are gone, or a log that ends without a
//     shutdown head while no sealer runs, or whose newest head is older than the cadence.
import type { KeyObject } from "node:crypto";
import { canonicalEvent, canonicalTuple, type CanonicalTuple, type ChainedFields } from "@/lib/audit/chain";
import { MAX_HEAD_GAP_MS } from "@/lib/audit/cadence";
import { EMPTY_ROOT, leafHash, TreeBuilder } from "@/lib/audit/merkle";
import { verifyHeadSignature, type SignedTreeHead } from "@/lib/audit/tree-head";

export type SealedEvent = ChainedFields & { leafHash: string | null };
/**
 * seq: the first bad event. A finding from a signed head that no longer matches only
 * bounds it: somewhere in seq..through (heads sign ranges, not single events).
 */
export type Finding = { seq: number; through?: number; reason: string };
export type LogContext = {
  heads: readonly SignedTreeHead[];
  /** Heads kept off-site (audit:export-heads), checked against the log as well. */
  witnessHeads?: readonly SignedTreeHead[];
  trustedKeys: ReadonlyMap<string, KeyObject>;
  now: number;
  /** Whether a sealer holds its lease now (a running server). */
  sealerLive: boolean;
  unsealed: { count: number; oldestAt: Date | null };
};
export type LogReport = {
  ok: boolean;
  firstBadSeq: number | null;
  /** In order of the first bad seq each implies (`at`). */
  findings: (Finding & { at: number })[];
  events: number;
  heads: number;
  latestHead: SignedTreeHead | null;
  unsealed: { count: number; oldestAt: string | null };
  notes: string[];
};

const MAX_FINDINGS = 50;
const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
const iso = (ms: number) => new Date(ms).toISOString();

type RootCheck = { size: number; root: string; label: string };

export class LogVerifier {
  private findings: Finding[] = [];
  private notes: string[] = [];
  private tree = new TreeBuilder();
  private expectedSeq = 1;
  private checks: RootCheck[] = [];
  private nextCheck = 0;
  private lastMatchedSize = 0;
  private validHeads: SignedTreeHead[] = [];

  constructor(private readonly ctx: LogContext) {
    this.checkHeads();
    this.checkWitnesses();
    this.checks.sort((a, b) => a.size - b.size);
    // Heads of an empty tree are checked at once.
    while (this.nextCheck < this.checks.length && this.checks[this.nextCheck]!.size === 0) {
      const c = this.checks[this.nextCheck++]!;
      if (c.root !== EMPTY_ROOT.toString("hex")) this.find(1, `${c.label} of an empty tree has a wrong root`);
    }
  }

  private find(seq: number, reason: string, through?: number) {
    if (this.findings.length < MAX_FINDINGS) this.findings.push(through === undefined ? { seq, reason } : { seq, through, reason });
  }

  private checkHeads() {
    const keyOrder: string[] = [];
    let prev: SignedTreeHead | null = null;
    let expectedIndex = 1;
    for (const h of this.ctx.heads) {
      const at = (prev?.treeSize ?? 0) + 1;
      if (h.headIndex !== expectedIndex) {
        this.find(at, `signed head${h.headIndex - expectedIndex > 1 ? `s #${expectedIndex}..#${h.headIndex - 1} are` : ` #${expectedIndex} is`} missing (deleted from the database)`);
      }
      expectedIndex = h.headIndex + 1;
      const key = this.ctx.trustedKeys.get(h.keyId);
      if (!key) {
        this.find(at, `head #${h.headIndex} claims key ${h.keyId}, which is not a trusted public key (forged head)`);
        continue;
      }
      if (!verifyHeadSignature(h, key)) {
        this.find(at, `head #${h.headIndex} has an invalid signature (forged or altered head)`);
        continue;
      }
      if (!keyOrder.includes(h.keyId)) keyOrder.push(h.keyId);
      else if (keyOrder[keyOrder.length - 1] !== h.keyId) {
        this.find(at, `head #${h.headIndex} is signed with key ${h.keyId}, which was already replaced by key ${keyOrder[keyOrder.length - 1]}`);
      }
      if (prev) {
        if (h.treeSize < prev.treeSize) this.find(h.treeSize + 1, `head #${h.headIndex} has a smaller tree (${h.treeSize}) than head #${prev.headIndex} (${prev.treeSize})`);
        if (h.timestamp < prev.timestamp) this.find(at, `head #${h.headIndex} is dated before head #${prev.headIndex}`);
        const gap = h.timestamp - prev.timestamp;
        if (gap > MAX_HEAD_GAP_MS) {
          if (h.kind === "startup") this.notes.push(`No sealer ran from ${iso(prev.timestamp)} to ${iso(h.timestamp)} (${minutes(gap)}; ${prev.kind === "shutdown" ? "clean stop" : "no shutdown head: the server stopped without sealing"}).`);
          else this.find(at, `no signed head between ${iso(prev.timestamp)} (head #${prev.headIndex}) and ${iso(h.timestamp)} (head #${h.headIndex}): ${minutes(gap)}, more than the ${minutes(MAX_HEAD_GAP_MS)} cadence`);
        }
      }
      this.validHeads.push(h);
      this.checks.push({ size: h.treeSize, root: h.rootHash, label: `signed head #${h.headIndex}` });
      prev = h;
    }
  }

  private checkWitnesses() {
    const byIndex = new Map(this.ctx.heads.map((h) => [h.headIndex, h]));
    for (const w of this.ctx.witnessHeads ?? []) {
      const key = this.ctx.trustedKeys.get(w.keyId);
      if (!key || !verifyHeadSignature(w, key)) {
        this.notes.push(`Exported head #${w.headIndex} is not validly signed by a trusted key; ignored.`);
        continue;
      }
      const live = byIndex.get(w.headIndex);
      if (!live) this.find(Math.max(1, w.treeSize), `exported head #${w.headIndex} (tree size ${w.treeSize}) is no longer in the database`);
      else if (live.rootHash !== w.rootHash || live.treeSize !== w.treeSize || live.timestamp !== w.timestamp) {
        this.find(Math.max(1, Math.min(live.treeSize, w.treeSize)), `head #${w.headIndex} in the database differs from its exported copy`);
      }
      this.checks.push({ size: w.treeSize, root: w.rootHash, label: `exported head #${w.headIndex}` });
    }
  }

  /** A finding the caller made from outside the tree (e.g. an unverified legacy adoption). */
  report(seq: number, reason: string) {
    this.find(seq, reason);
  }

  /** Feed every sealed event, in seq order. */
  add(e: SealedEvent) {
    this.addLeaf(e.seq, leafHash(canonicalEvent(e)), e.leafHash);
  }

  /** The same from a raw-driver row: the ten canonical fields, then the stored leaf hash. */
  addTuple(t: Readonly<[...CanonicalTuple, string | null]>) {
    this.addLeaf(t[0], leafHash(canonicalTuple(t)), t[10]);
  }

  private addLeaf(seq: number, leaf: Buffer, stored: string | null) {
    if (seq !== this.expectedSeq) {
      if (seq > this.expectedSeq) this.find(this.expectedSeq, seq - this.expectedSeq > 1 ? `events ${this.expectedSeq}..${seq - 1} are missing (deleted)` : `event ${this.expectedSeq} is missing (deleted)`);
      else this.find(seq, `event ${seq} appears twice or out of order`);
      this.expectedSeq = seq;
    }
    if (stored === null) this.find(seq, `event ${seq} has a seq but no leaf hash (inserted outside the sealer)`);
    else if (stored !== leaf.toString("hex")) this.find(seq, `event ${seq} was altered: its content no longer matches its leaf hash`);
    this.tree.push(leaf);
    this.expectedSeq++;
    while (this.nextCheck < this.checks.length && this.checks[this.nextCheck]!.size === this.tree.size) {
      const c = this.checks[this.nextCheck++]!;
      if (c.root === this.tree.root().toString("hex")) this.lastMatchedSize = Math.max(this.lastMatchedSize, c.size);
      else this.find(this.lastMatchedSize + 1, `events ${this.lastMatchedSize + 1}..${c.size} do not match ${c.label} (altered, inserted, deleted or reordered, with their hashes recomputed)`, c.size);
    }
  }

  finish(): LogReport {
    const count = this.tree.size;
    for (const c of this.checks.slice(this.nextCheck)) {
      if (c.size > count) this.find(count + 1, `${c.label} covers ${c.size} events but the log holds ${count}: events ${count + 1}..${c.size} were deleted (tail cut off)`);
    }
    const latest = this.validHeads.at(-1) ?? null;
    const covered = latest?.treeSize ?? 0;
    if (count > covered) this.find(covered + 1, `events ${covered + 1}..${count} carry sequence numbers but no signed head covers them (a head was deleted, or events were inserted)`);
    if (latest && latest.kind !== "shutdown") {
      const age = this.ctx.now - latest.timestamp;
      if (!this.ctx.sealerLive) {
        this.find(covered + 1, `the log ends at head #${latest.headIndex} (${iso(latest.timestamp)}) without a shutdown head while no sealer is running: later events and heads may have been cut off (or the server stopped without sealing; restarting it signs a new head)`);
      } else if (age > MAX_HEAD_GAP_MS) {
        this.find(covered + 1, `the newest signed head (#${latest.headIndex}, ${iso(latest.timestamp)}) is ${minutes(age)} old, more than the ${minutes(MAX_HEAD_GAP_MS)} cadence: the tail may have been cut off`);
      }
    }
    const { unsealed } = this.ctx;
    if (unsealed.count > 0) this.notes.push(`${unsealed.count} event(s) not yet sealed, the oldest from ${unsealed.oldestAt?.toISOString()}.`);
    const findings = pinpoint(this.findings);
    return {
      ok: findings.length === 0,
      firstBadSeq: findings[0]?.at ?? null,
      findings,
      events: count,
      heads: this.ctx.heads.length,
      latestHead: latest,
      unsealed: { count: unsealed.count, oldestAt: unsealed.oldestAt?.toISOString() ?? null },
      notes: this.notes,
    };
  }
}

/**
 * Orders findings by the first bad seq each implies. A head mismatch over seq..through
 * that also holds an exact finding (an event whose leaf no longer matches, a gap) points at
 * that event, not at the start of the head's range.
 */
function pinpoint(findings: Finding[]): (Finding & { at: number })[] {
  const exact = findings.filter((f) => f.through === undefined).map((f) => f.seq);
  const at = (f: Finding) => {
    if (f.through === undefined) return f.seq;
    const inside = exact.filter((s) => s >= f.seq && s <= f.through!);
    return inside.length ? Math.min(...inside) : f.seq;
  };
  return findings.map((f) => ({ ...f, at: at(f) })).sort((a, b) => a.at - b.at || (a.through === undefined ? -1 : 1));
}
