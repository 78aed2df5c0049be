import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH, signCheckpoint, verifyChain, type StoredCheckpoint, type StoredEvent } from "./chain";

const key = randomBytes(32);

function makeChain(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const f = { seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)), actorType: "user", actorId: "u1", actorLabel: "a@b.c", action: `act.${seq}`, entityType: "User", entityId: `e${seq}`, diff: JSON.stringify({ n: seq }), ip: "203.0.113.1" };
    const hash = chainHash(f, prev);
    out.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function checkpoint(e: StoredEvent): StoredCheckpoint {
  const at = new Date(Date.UTC(2026, 0, 2));
  return { seq: e.seq, hash: e.hash, at, signature: signCheckpoint(key, e.seq, e.hash, at) };
}

describe("audit hash chain verification", () => {
  it("an intact chain verifies", () => {
    const chain = makeChain(10);
    expect(verifyChain(chain, [checkpoint(chain[4]!)], key)).toEqual({ ok: true, events: 10, checkpoints: 1, lastSeq: 10 });
  });

  it("an empty log verifies", () => {
    expect(verifyChain([], [], key)).toMatchObject({ ok: true, events: 0 });
  });

  it("altered: a changed field breaks that event's hash", () => {
    const chain = makeChain(10);
    chain[6] = { ...chain[6]!, action: "something.else" };
    expect(verifyChain(chain, [], key)).toMatchObject({ ok: false, firstBadSeq: 7 });
  });

  it("altered and re-hashed: the next event no longer links", () => {
    const chain = makeChain(10);
    const e = { ...chain[6]!, diff: "{}" };
    e.hash = chainHash(e, e.prevHash);
    chain[6] = e;
    expect(verifyChain(chain, [], key)).toMatchObject({ ok: false, firstBadSeq: 8 });
  });

  it("deleted: a gap names the missing seq", () => {
    const chain = makeChain(10);
    chain.splice(3, 1);
    expect(verifyChain(chain, [], key)).toMatchObject({ ok: false, firstBadSeq: 4, reason: "event 4 is missing" });
  });

  it("reordered: swapping the contents of two events breaks the first", () => {
    const chain = makeChain(10);
    const a = chain[2]!;
    const b = chain[3]!;
    chain[2] = { ...b, seq: 3 };
    chain[3] = { ...a, seq: 4 };
    expect(verifyChain(chain, [], key)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it("inserted: a forged event in the middle breaks the chain where it sits", () => {
    const chain = makeChain(10);
    const forged = { ...chain[4]!, action: "forged" };
    const shifted = [...chain.slice(0, 5), forged, ...chain.slice(5)].map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(shifted, [], key)).toMatchObject({ ok: false, firstBadSeq: 6 });
  });

  it("truncated tail after a checkpoint is caught", () => {
    const chain = makeChain(10);
    const cps = [checkpoint(chain[8]!)];
    expect(verifyChain(chain.slice(0, 7), cps, key)).toMatchObject({ ok: false, firstBadSeq: 8 });
  });

  it("a chain rebuilt from scratch does not match its signed checkpoint", () => {
    const chain = makeChain(10);
    const cps = [checkpoint(chain[9]!)];
    const rebuilt = makeChain(10).map((e) => ({ ...e }));
    rebuilt[0] = { ...rebuilt[0]!, action: "rewritten" };
    let prev = GENESIS_HASH;
    for (const e of rebuilt) {
      e.prevHash = prev;
      e.hash = chainHash(e, prev);
      prev = e.hash;
    }
    expect(verifyChain(rebuilt, cps, key)).toMatchObject({ ok: false, firstBadSeq: 10 });
  });

  it("a forged checkpoint signature is refused", () => {
    const chain = makeChain(3);
    const cp = { ...checkpoint(chain[2]!), signature: "00".repeat(32) };
    expect(verifyChain(chain, [cp], key)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });
});
