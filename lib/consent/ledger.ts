// The consent ledger's rules, with no I/O: validating a batch event by event, turning a
// Global Privacy Control signal into opt-outs, and deciding the current state.
import {
  consentEventInputSchema,
  MAX_CLOCK_SKEW_MS,
  type ConsentAction,
  type ConsentSource,
  type ConsentStatus,
} from "@/lib/validation/consent";

export type PurposeInfo = { id: string; key: string; saleOrShare: boolean; versions: ReadonlySet<number>; currentVersion: number | null };

export type LedgerEvent = {
  subjectId: string; // the identifier as sent (encrypted before it is stored)
  purposeId: string;
  purposeKey: string;
  action: ConsentAction;
  occurredAt: Date;
  noticeVersion: number | null;
  source: ConsentSource;
  jurisdiction: string | null;
  gpc: boolean;
  userAgent: string | null;
  ip: string | null;
  /** Set on opt-outs that a GPC signal caused, not sent by the client. */
  derivedFromGpc: boolean;
};

export type InvalidEvent = { index: number; reason: string };

/** GDPR Art. 7(3): withdrawal goes through the same path as consent; only the status differs. */
export const ACTION_STATUS: Record<ConsentAction, Exclude<ConsentStatus, "none">> = {
  grant: "granted",
  opt_in: "granted",
  withdraw: "withdrawn",
  opt_out: "opted_out",
};

export type ValidationContext = {
  purposes: ReadonlyMap<string, PurposeInfo>;
  now: Date;
  defaultSource: ConsentSource;
  /** Evidence of the request itself, used when an event carries none. */
  requestEvidence?: { userAgent: string | null; ip: string | null };
};

/**
 * Checks every event and names every bad one (index and reason), so a client can fix a
 * whole batch at once. Returns the normalised events only when all are valid: a batch is
 * recorded whole or not at all.
 */
export function validateEvents(raw: readonly unknown[], ctx: ValidationContext): { ok: true; events: LedgerEvent[] } | { ok: false; errors: InvalidEvent[] } {
  const errors: InvalidEvent[] = [];
  const events: LedgerEvent[] = [];
  const latestAllowed = ctx.now.getTime() + MAX_CLOCK_SKEW_MS;
  raw.forEach((input, index) => {
    const parsed = consentEventInputSchema.safeParse(input);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; ");
      errors.push({ index, reason });
      return;
    }
    const e = parsed.data;
    const reasons: string[] = [];
    const purpose = ctx.purposes.get(e.purpose);
    if (!purpose) reasons.push(`purpose: unknown purpose '${e.purpose}'`);
    const occurredAt = e.occurredAt ? new Date(e.occurredAt) : ctx.now;
    if (occurredAt.getTime() > latestAllowed) reasons.push("occurredAt: is in the future (more than 5 minutes ahead of the server clock)");
    if (purpose && e.noticeVersion !== undefined && !purpose.versions.has(e.noticeVersion)) {
      reasons.push(`noticeVersion: purpose '${e.purpose}' has no notice version ${e.noticeVersion}`);
    }
    if (reasons.length) {
      errors.push({ index, reason: reasons.join("; ") });
      return;
    }
    events.push({
      subjectId: e.subjectId,
      purposeId: purpose!.id,
      purposeKey: purpose!.key,
      action: e.action,
      // Both dialects store milliseconds; the ledger keeps exactly what it stores.
      occurredAt: new Date(Math.floor(occurredAt.getTime())),
      noticeVersion: e.noticeVersion ?? purpose!.currentVersion,
      source: e.source ?? ctx.defaultSource,
      jurisdiction: e.jurisdiction ?? null,
      gpc: e.gpc ?? false,
      userAgent: e.evidence ? (e.evidence.userAgent ?? null) : (ctx.requestEvidence?.userAgent ?? null),
      ip: e.evidence ? (e.evidence.ip ?? null) : (ctx.requestEvidence?.ip ?? null),
      derivedFromGpc: false,
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, events };
}

/**
 * CCPA 1798.120 / 1798.135 and regulations 7025: a GPC signal is a valid request to opt out
 * of sale/sharing. Each event sent with `gpc: true`, or every event of a request carrying
 * `Sec-GPC: 1`, adds an opt-out of every sale/sharing purpose for its subject, recorded
 * right after it (so the opt-out wins over a grant in the same signal). One opt-out per
 * subject, purpose and signal time; none where the client already sent that opt-out.
 */
export function applyGpc(events: readonly LedgerEvent[], salePurposes: readonly PurposeInfo[], requestGpc: boolean): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    const gpc = e.gpc || requestGpc;
    const event = gpc && !e.gpc ? { ...e, gpc: true } : e;
    out.push(event);
    if (!gpc) continue;
    for (const p of salePurposes) {
      if (p.id === e.purposeId && e.action === "opt_out") continue;
      const key = `${e.subjectId}\u0000${p.id}\u0000${e.occurredAt.getTime()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...event, purposeId: p.id, purposeKey: p.key, action: "opt_out", noticeVersion: p.currentVersion, gpc: true, derivedFromGpc: true });
    }
  }
  // A client-sent opt-out of a sale purpose in the same signal makes a derived one redundant.
  const explicit = new Set(out.filter((e) => !e.derivedFromGpc && e.action === "opt_out" && e.gpc).map((e) => `${e.subjectId}\u0000${e.purposeId}\u0000${e.occurredAt.getTime()}`));
  return out.filter((e) => !e.derivedFromGpc || !explicit.has(`${e.subjectId}\u0000${e.purposeId}\u0000${e.occurredAt.getTime()}`));
}

export type StateCandidate = { index: number; event: LedgerEvent };

/**
 * The latest event per subject and purpose in a batch: by occurrence time, then by
 * position (a later event in the same request wins a tie).
 */
export function latestPerPair(events: readonly LedgerEvent[]): Map<string, StateCandidate> {
  const latest = new Map<string, StateCandidate>();
  events.forEach((event, index) => {
    const key = pairKey(event.subjectId, event.purposeId);
    const cur = latest.get(key);
    if (!cur || event.occurredAt.getTime() >= cur.event.occurredAt.getTime()) latest.set(key, { index, event });
  });
  return latest;
}

/**
 * The history links of a batch (docs/decisions/203). Each event names the event recorded
 * just before it for the same subject and purpose: the previous one in the batch, or for
 * the pair's first event in the batch the stored head (`storedHead`, asked once per pair).
 * Returns each event's link (by position) and each pair's new head: the index of its last
 * event.
 */
export function chainLinks(events: readonly LedgerEvent[], ids: readonly string[], storedHead: (subjectId: string, purposeId: string) => string | null) {
  const prev: (string | null)[] = [];
  const heads = new Map<string, number>();
  events.forEach((event, index) => {
    const key = pairKey(event.subjectId, event.purposeId);
    const before = heads.get(key);
    prev.push(before === undefined ? storedHead(event.subjectId, event.purposeId) : ids[before]!);
    heads.set(key, index);
  });
  return { prev, heads };
}

export function pairKey(subject: string, purposeId: string) {
  return `${subject}\u0000${purposeId}`;
}

/**
 * Whether an incoming event replaces the stored current state. Events can arrive late
 * (offline apps, imports): an event older than the state it would replace is recorded in
 * the ledger but does not change the current state. A tie goes to the event received last.
 */
export function replacesState(existingUpdatedAt: Date | null, incomingOccurredAt: Date): boolean {
  return existingUpdatedAt === null || incomingOccurredAt.getTime() >= existingUpdatedAt.getTime();
}

/** "GPC honoured": the current state is an opt-out that a GPC signal caused or carried. */
export function gpcHonoured(status: ConsentStatus, gpc: boolean) {
  return status === "opted_out" && gpc;
}
