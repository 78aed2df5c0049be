// How often the sealer signs tree heads, and what the verifier therefore expects
// (docs/decisions/005). Pure constants shared by both, so they cannot disagree.

/** The sealer looks for newly committed events this often. */
export const SEAL_INTERVAL_MS = 2_000;
/** While there are new events, a head is signed at least this often (the promise). */
export const SEAL_CADENCE_MS = 10_000;
/** With no new events, a heartbeat head is signed this often. */
export const HEARTBEAT_MS = 5 * 60_000;
/**
 * The longest gap between two heads the verifier accepts (the promise is a head at least
 * every 10 minutes; the heartbeat runs at half that). A longer gap is a finding unless the
 * later head is a startup head: a sealer that was down says so when it comes back.
 */
export const MAX_HEAD_GAP_MS = 10 * 60_000;
/** The sealer's lease: renewed every interval, taken over by another instance after this. */
export const SEALER_LEASE_MS = 30_000;
export const SEALER_LEASE = "audit.sealer";
/** Perfect subtrees of 2^8 = 256 leaves and more are stored; smaller ones are hashed from leaves. */
export const STORED_NODE_MIN_LEVEL = 8;
