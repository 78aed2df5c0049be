import "server-only";
import { log } from "@/lib/server/log";
// The audit log's sealer: one instance at a time (a standing database lease), every
// SEAL_INTERVAL_MS, signs a head over newly committed events (so at least every 10 s
// while there are any), a heartbeat when idle, a startup head when it takes over and a
// shutdown head when it stops (docs/decisions/005).
import { HEARTBEAT_MS, SEAL_INTERVAL_MS, SEALER_LEASE, SEALER_LEASE_MS } from "@/lib/audit/cadence";
import { sealOnce, type SealResult } from "@/lib/server/audit/seal";
import { db } from "@/lib/server/db";
import { holdLease, leaseHeld, releaseLease } from "@/lib/server/jobs/lease";

type State = { timer?: NodeJS.Timeout; running?: Promise<void>; holding: boolean; started: boolean; lastHeadAt: number; lastHeadIndex: number; lastError?: string; lastErrorAt: number };
const g = globalThis as unknown as { __auditSealer?: State };
const state: State = (g.__auditSealer ??= { holding: false, started: false, lastHeadAt: 0, lastHeadIndex: 0, lastErrorAt: 0 });

/** Nothing to do: no unsealed event and no heartbeat due (checked without a transaction). */
async function idle(now: number) {
  if (now - state.lastHeadAt < HEARTBEAT_MS) {
    const pending = await db().auditEvent.findFirst({ where: { seq: null }, select: { id: true } });
    return !pending;
  }
  return false;
}

function remember(r: SealResult) {
  if (!r.head) return;
  state.lastHeadAt = r.head.timestamp;
  state.lastHeadIndex = r.head.headIndex;
}

function report(e: unknown) {
  const message = e instanceof Error ? e.message : String(e);
  // Once a minute per message: a refusing sealer would otherwise log every 2 s.
  if (message !== state.lastError || Date.now() - state.lastErrorAt > 60_000) log().error({ component: "audit.sealer", message }, "audit sealer failed");
  state.lastError = message;
  state.lastErrorAt = Date.now();
}

export async function sealerTick(now = Date.now()) {
  if (state.running) return state.running;
  state.running = (async () => {
    try {
      state.holding = await holdLease(SEALER_LEASE, SEALER_LEASE_MS, new Date(now));
      if (!state.holding) {
        state.started = false;
        return;
      }
      if (!state.started) {
        remember(await sealOnce({ kind: "startup", lastSigned: state.lastHeadIndex }));
        state.started = true;
      } else if (!(await idle(now))) {
        remember(await sealOnce({ lastSigned: state.lastHeadIndex }));
      }
      state.lastError = undefined;
    } catch (e) {
      report(e);
    } finally {
      state.running = undefined;
    }
  })();
  return state.running;
}

export function startSealer(intervalMs = SEAL_INTERVAL_MS) {
  if (state.timer) return;
  state.timer = setInterval(() => void sealerTick(), intervalMs);
  state.timer.unref();
  void sealerTick();
}

/** Stops the timer; if this instance is the sealer, seals what is committed and signs a shutdown head. */
export async function stopSealer(): Promise<SealResult | null> {
  clearInterval(state.timer);
  state.timer = undefined;
  await state.running;
  if (!state.holding) return null;
  try {
    const r = await sealOnce({ kind: "shutdown", lastSigned: state.lastHeadIndex });
    remember(r);
    await releaseLease(SEALER_LEASE);
    return r;
  } finally {
    state.holding = false;
    state.started = false;
  }
}

/** What the last tick ran into, for the Admin and Audit pages. */
export function sealerStatus() {
  return { holding: state.holding, lastError: state.lastError ?? null };
}

/**
 * For a process that wrote events and is about to exit (the seed, the admin CLI): seals
 * them and signs a shutdown head, unless a running server's sealer holds the lease and
 * will seal them within seconds anyway.
 */
export async function sealBeforeExit(): Promise<SealResult | null> {
  if (state.holding) return stopSealer();
  if (await leaseHeld(SEALER_LEASE)) return null;
  const pending = await db().auditEvent.findFirst({ where: { seq: null }, select: { id: true } });
  const latest = await db().auditTreeHead.findFirst({ orderBy: { headIndex: "desc" }, select: { kind: true } });
  // Already closed by a shutdown head, or empty, and nothing new: no head to add. (Events
  // with a seq but no head are a log from before the Merkle tree, to adopt.)
  if (!pending && latest?.kind === "shutdown") return { head: null, sealed: 0 };
  if (!pending && !latest && !(await db().auditEvent.findFirst({ where: { seq: { not: null } }, select: { id: true } }))) return { head: null, sealed: 0 };
  return sealOnce({ kind: "shutdown" });
}
