// The audit log of the standard dataset (docs/decisions/700). Each area records an entry
// for what it generated (a consent batch, an incident, a review...), as the app's
// appendAudit would have; sign-ins fill the log up to its target size. The entries are
// then written in time order, already sealed: the same seq / leaf hash the sealer gives
// (canonicalEvent + leafHash), the same Merkle tree (TreeBuilder, subtree rows from
// drainCompleted), a signed head every 50,000 events (signHead, the app's key) and the
// tree state the next sealer continues from. Rewriting it all through sealOnce would read
// and update every row a second time; these are the same primitives, called in bulk.
import { STORED_NODE_MIN_LEVEL } from "@/lib/audit/cadence";
import { canonicalEvent } from "@/lib/audit/chain";
import { leafHash, parseFrontier, serializeFrontier, TreeBuilder } from "@/lib/audit/merkle";
import { signHead, type HeadKind } from "@/lib/audit/tree-head";
import { auditSigner } from "@/lib/server/keys";
import { START, type Rng } from "./rng";
import { Batch, type Row, type Sink } from "./sink";

/** Who did it: [actorType, actorId, actorLabel, ip] as auditEventFields stores them. */
export type AuditActor = readonly [string, string | null, string | null, string | null];
type Entry = { at: number; actor: AuditActor; action: string; entityType: string | null; entityId: string | null; diff: string | null };

const COLUMNS = ["at", "actorType", "actorId", "actorLabel", "action", "entityType", "entityId", "diff", "ip", "seq", "leafHash"];
/** As the sealer: at most this many events per signed head. */
const PER_HEAD = 50_000;
const CHUNK = 20_000;

export class AuditStream {
  private entries: Entry[] = [];

  add(at: number, actor: AuditActor, action: string, entityType: string | null, entityId: string | null, diff: Record<string, unknown> | null) {
    this.entries.push({ at: Math.floor(at), actor, action, entityType, entityId, diff: diff ? JSON.stringify(diff) : null });
  }

  get size() {
    return this.entries.length;
  }

  /** Sign-ins of the people in `people`, spread over the history, until the log holds `target`. */
  fill(target: number, people: readonly { actor: AuditActor; userId: string }[], rng: Rng, end: number) {
    const missing = target - this.entries.length;
    for (let i = 0; i < missing; i++) {
      const p = rng.pick(people);
      const t = START + rng.next() * (end - START);
      this.add(t, p.actor, "auth.signin", "User", p.userId, { mfa: rng.chance(0.9) });
    }
  }

  /**
   * Writes every entry in time order (ties in the order added), continuing the tree from
   * `state` (the AuditTreeState the app left, or none), and returns the last head signed.
   */
  async write(sink: Sink, opts: { treeSize: number; frontier: string | null; headIndex: number; lastTimestamp: number }) {
    const order = this.entries.map((_, i) => i).sort((a, b) => this.entries[a]!.at - this.entries[b]!.at || a - b);
    const tree = new TreeBuilder(opts.frontier ? parseFrontier(opts.frontier) : undefined, STORED_NODE_MIN_LEVEL);
    if (tree.size !== opts.treeSize) throw new Error(`audit tree state holds ${tree.size} leaves, the log ${opts.treeSize}`);
    const signer = auditSigner();
    let headIndex = opts.headIndex;
    let lastTs = opts.lastTimestamp;
    let sinceHead = 0;
    const sign = async (kind: HeadKind) => {
      const h = signHead({ headIndex: ++headIndex, treeSize: tree.size, rootHash: tree.root().toString("hex"), timestamp: (lastTs = Math.max(Date.now(), lastTs)), kind, keyId: signer.keyId }, signer.privateKey);
      await sink.insert("AuditTreeHead", ["headIndex", "treeSize", "rootHash", "timestamp", "kind", "keyId", "signature"], [[h.headIndex, h.treeSize, h.rootHash, new Date(h.timestamp), h.kind, h.keyId, h.signature]]);
      sinceHead = 0;
    };
    const events = new Batch(sink, "AuditEvent", COLUMNS, CHUNK);
    const nodes = new Batch(sink, "AuditTreeNode", ["level", "index", "hash"], CHUNK);
    for (let i = 0; i < order.length; i += CHUNK) {
      let rows = 0;
      for (const idx of order.slice(i, i + CHUNK)) {
        const e = this.entries[idx]!;
        const at = new Date(e.at);
        const [actorType, actorId, actorLabel, ip] = e.actor;
        const seq = tree.size + 1;
        const leaf = leafHash(canonicalEvent({ seq, at, actorType, actorId, actorLabel, action: e.action, entityType: e.entityType, entityId: e.entityId, diff: e.diff, ip }));
        tree.push(leaf);
        await events.add([at, actorType, actorId, actorLabel, e.action, e.entityType, e.entityId, e.diff, ip, seq, leaf.toString("hex")]);
        rows++;
      }
      for (const n of tree.drainCompleted()) await nodes.add([n.level, n.index, n.hash.toString("hex")] satisfies Row);
      sinceHead += rows;
      // A head only over events that are written.
      if (sinceHead >= PER_HEAD) {
        await events.flush();
        await nodes.flush();
        await sign(headIndex === 0 ? "startup" : "seal");
      }
    }
    await events.flush();
    await nodes.flush();
    if (sinceHead > 0 || headIndex === opts.headIndex) await sign(headIndex === 0 ? "startup" : "seal");
    this.entries = [];
    return { treeSize: tree.size, frontier: serializeFrontier(tree.frontier()), headIndex };
  }
}
