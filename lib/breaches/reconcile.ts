// Recomputation of an incident's stored obligations against a fresh engine run. Pure: the data
// layer (lib/server/breaches) loads the rows, applies the plan and writes the summary into the
// audit diff.
//
// Rules:
// - A row that was sent (sentAt recorded) or closed as not required is frozen: its deadline,
//   citation and rule version stay as they were when it was acted on (history is not rewritten).
//   If the facts no longer produce it, it is kept and flagged `applies: false`.
// - An open row (or one marked late but not yet sent) follows the engine: changed deadline /
//   rule / citation / version are updated, rows the engine no longer produces are removed (they
//   were never acted on), new ones are created.
import type { Obligation } from "./types";

export type StoredStatus = "open" | "sent" | "not_required" | "late";

export interface StoredObligation {
  readonly id: string;
  readonly key: string;
  readonly status: StoredStatus;
  readonly sentAt: string | null;
  readonly dueAt: string | null;
  readonly dueRule: string;
  readonly citation: string;
  readonly ruleVersion: string;
  readonly dependsOnKey: string | null;
  readonly contentChecklist: readonly string[];
  readonly applies: boolean;
}

export type FieldChange = { readonly from: string | null; readonly to: string | null };

export interface ObligationUpdate {
  readonly id: string;
  readonly key: string;
  readonly obligation: Obligation;
  readonly changes: Readonly<Record<string, FieldChange>>;
}

export interface ReconcilePlan {
  readonly create: Obligation[];
  readonly update: ObligationUpdate[];
  readonly remove: { id: string; key: string }[];
  /** Frozen rows whose `applies` flag flips (false: facts no longer produce it; true: again). */
  readonly setApplies: { id: string; key: string; applies: boolean }[];
}

export function isFrozen(row: Pick<StoredObligation, "status" | "sentAt">): boolean {
  return row.sentAt !== null || row.status === "sent" || row.status === "not_required";
}

/** sentAt of every sent row, by key: the engine's input for dependent deadlines. */
export function sentAtByKey(rows: readonly Pick<StoredObligation, "key" | "sentAt">[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.sentAt !== null) out[r.key] = r.sentAt;
  return out;
}

const sameInstant = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));

export function planReconcile(stored: readonly StoredObligation[], computed: readonly Obligation[]): ReconcilePlan {
  const byKey = new Map(stored.map((r) => [r.key, r]));
  const computedKeys = new Set(computed.map((o) => o.key));
  const plan: { create: Obligation[]; update: ObligationUpdate[]; remove: { id: string; key: string }[]; setApplies: { id: string; key: string; applies: boolean }[] } = {
    create: [],
    update: [],
    remove: [],
    setApplies: [],
  };

  for (const o of computed) {
    const row = byKey.get(o.key);
    if (!row) {
      plan.create.push(o);
      continue;
    }
    if (isFrozen(row)) {
      if (!row.applies) plan.setApplies.push({ id: row.id, key: row.key, applies: true });
      continue;
    }
    const changes: Record<string, FieldChange> = {};
    if (!sameInstant(row.dueAt, o.dueAt)) changes.dueAt = { from: row.dueAt, to: o.dueAt };
    if (row.dueRule !== o.dueRule) changes.dueRule = { from: row.dueRule, to: o.dueRule };
    if (row.citation !== o.citation) changes.citation = { from: row.citation, to: o.citation };
    if (row.ruleVersion !== o.ruleVersion) changes.ruleVersion = { from: row.ruleVersion, to: o.ruleVersion };
    if ((row.dependsOnKey ?? null) !== (o.dependsOn ?? null)) changes.dependsOn = { from: row.dependsOnKey, to: o.dependsOn ?? null };
    if (JSON.stringify(row.contentChecklist) !== JSON.stringify(o.contentChecklist)) changes.contentChecklist = { from: `${row.contentChecklist.length} items`, to: `${o.contentChecklist.length} items` };
    if (!row.applies) changes.applies = { from: "false", to: "true" };
    if (Object.keys(changes).length > 0) plan.update.push({ id: row.id, key: row.key, obligation: o, changes });
  }

  for (const row of stored) {
    if (computedKeys.has(row.key)) continue;
    if (isFrozen(row)) {
      if (row.applies) plan.setApplies.push({ id: row.id, key: row.key, applies: false });
    } else {
      plan.remove.push({ id: row.id, key: row.key });
    }
  }
  return plan;
}

/** The audit diff of a plan: keys added / removed, what changed per key, frozen rows that stopped (or resumed) applying. */
export function planSummary(plan: ReconcilePlan) {
  return {
    added: plan.create.map((o) => o.key),
    removed: plan.remove.map((r) => r.key),
    changed: Object.fromEntries(plan.update.map((u) => [u.key, u.changes])),
    noLongerApplies: plan.setApplies.filter((s) => !s.applies).map((s) => s.key),
    appliesAgain: plan.setApplies.filter((s) => s.applies).map((s) => s.key),
  };
}

export function planIsEmpty(plan: ReconcilePlan): boolean {
  return plan.create.length + plan.update.length + plan.remove.length + plan.setApplies.length === 0;
}

/** Status recorded when a notice is sent: after its deadline it is `late` (GDPR Art. 33(1): reasons for the delay). */
export function statusWhenSent(dueAt: string | null, sentAt: string): "sent" | "late" {
  return dueAt !== null && Date.parse(sentAt) > Date.parse(dueAt) ? "late" : "sent";
}

/** Still to be sent: open, or marked late without a send recorded. */
export function isPending(o: { status: string; sentAt: string | null; applies?: boolean }): boolean {
  return (o.status === "open" || (o.status === "late" && o.sentAt === null)) && o.applies !== false;
}

/**
 * "Overdue and due-soon first, everywhere": pending rows with a deadline (earliest first, so
 * overdue ones lead), then pending rows without a fixed time, then everything already handled.
 */
export function byUrgency<T extends { status: string; sentAt: string | null; dueAt: string | null; applies?: boolean; key?: string }>(a: T, b: T): number {
  const bucket = (o: T) => (isPending(o) ? (o.dueAt !== null ? 0 : 1) : 2);
  const d = bucket(a) - bucket(b);
  if (d !== 0) return d;
  if (a.dueAt !== null && b.dueAt !== null && a.dueAt !== b.dueAt) return Date.parse(a.dueAt) - Date.parse(b.dueAt);
  return (a.key ?? "").localeCompare(b.key ?? "");
}

/** "in 2 d 5 h", "overdue by 3 h 10 min": whole minutes, two largest units. */
export function formatCountdown(dueAt: string, nowMs: number): string {
  const diff = Date.parse(dueAt) - nowMs;
  const abs = Math.abs(diff);
  const minutes = Math.floor(abs / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = days > 0 ? [`${days} d`, `${hours} h`] : hours > 0 ? [`${hours} h`, `${mins} min`] : [`${mins} min`];
  return diff < 0 ? `overdue by ${parts.join(" ")}` : `in ${parts.join(" ")}`;
}

/** Due within this many hours counts as "due soon" in lists and badges. */
export const DUE_SOON_HOURS = 72;

export function urgency(o: { status: string; sentAt: string | null; dueAt: string | null; applies?: boolean }, nowMs: number): "overdue" | "due_soon" | "pending" | "done" {
  if (!isPending(o)) return "done";
  if (o.dueAt === null) return "pending";
  const diff = Date.parse(o.dueAt) - nowMs;
  if (diff < 0) return "overdue";
  return diff <= DUE_SOON_HOURS * 3_600_000 ? "due_soon" : "pending";
}
