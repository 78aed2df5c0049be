// Shared evaluator for US state breach-notification statutes, which differ mostly in numbers:
// the resident deadline, its trigger, and which regulators hear of it, above which count, when.
import {
  addBusinessDays,
  endOfBusinessDayAfter,
  endOfDayAfter,
  endOfLocalDay,
  isoDate,
  localDateOfInput,
} from "../calendar";
import type { Obligation, Recipient, Trigger } from "../types";
import type { RuleContext, RuleVersion } from "./context";
import { defineRule, earliest, hasAnyRole, makeObligation, obligationKey } from "./context";

export type Threshold = { readonly atLeast: number } | { readonly moreThan: number };

export type RegulatorTiming =
  /** N calendar days after the state's trigger. */
  | { readonly kind: "days"; readonly days: number }
  /** N business days after the trigger, or when residents are notified if that is sooner. */
  | { readonly kind: "businessDays"; readonly days: number; readonly orWhenResidentsNotified: boolean }
  /** Not later than (or before/with) the resident notice: its deadline, or its sending if sooner. */
  | { readonly kind: "noLaterThanResidents" }
  /** N calendar days after the resident notice is sent: unknown (null) until it is. */
  | { readonly kind: "afterResidentsSent"; readonly days: number }
  /** N business days after another obligation (by key) is sent: null until it is. */
  | { readonly kind: "businessDaysAfterSent"; readonly dependsOn: string; readonly days: number }
  /** No fixed time in the statute. */
  | { readonly kind: "words" };

export interface RegulatorSpec {
  readonly recipient: Recipient;
  readonly citation: string;
  readonly words: string;
  readonly timing: RegulatorTiming;
  readonly threshold?: Threshold;
  readonly keySuffix?: string;
  readonly checklist?: readonly string[];
  /** Extra condition (e.g. N.Y.: only for HIPAA covered entities with a HIPAA breach). */
  readonly onlyWhen?: (ctx: RuleContext) => boolean;
}

export interface StateSpec {
  readonly state: `US-${string}`;
  readonly family: string;
  readonly validFrom: string;
  readonly trigger: Trigger;
  readonly residents: {
    /** Calendar days after the trigger, or null for "most expedient time / without unreasonable delay". */
    readonly days: number | null;
    readonly words: string;
    readonly citation: string;
    readonly checklist?: readonly string[];
  };
  /** Where the statute exempts encrypted data whose key was not compromised. */
  readonly encryptionSafeHarbor: string;
  /** Citation where HIPAA covered entities / business associates are exempt (Arizona). */
  readonly hipaaEntitiesExempt?: string;
  /** Business days after a law-enforcement delay ends (Me. 10 M.R.S. 1348(3): 7). */
  readonly businessDaysAfterDelay?: number;
  /** A person maintaining data it does not own notifies the owner (Cal. 1798.82(b)). */
  readonly maintainer?: { readonly words: string; readonly citation: string };
  readonly regulators: readonly RegulatorSpec[];
}

function meets(count: number, t: Threshold | undefined): boolean {
  if (!t) return true;
  return "atLeast" in t ? count >= t.atLeast : count > t.moreThan;
}

function thresholdWords(t: Threshold | undefined): string {
  if (!t) return "any number of residents";
  return "atLeast" in t ? `${t.atLeast} or more residents` : `more than ${t.moreThan} residents`;
}

/** End of a law-enforcement delay for a state deadline, if the policy applies one. */
function stateDelay(ctx: RuleContext, spec: StateSpec): { endMs: number; words: string } | undefined {
  const d = ctx.incident.lawEnforcementDelay;
  if (!d || ctx.statePolicy === "ignore") return undefined;
  const tz = ctx.timeZone;
  const until = localDateOfInput(d.until, tz, "lawEnforcementDelay.until");
  const n = spec.businessDaysAfterDelay;
  if (n !== undefined) {
    return {
      endMs: endOfLocalDay(addBusinessDays(until, n), tz),
      words: `law-enforcement delay until ${isoDate(until)}, then within ${n} business days`,
    };
  }
  return { endMs: endOfLocalDay(until, tz), words: `law-enforcement delay until ${isoDate(until)} (notice promptly after it)` };
}

export function evaluateState(ctx: RuleContext, version: string, spec: StateSpec): Obligation[] {
  const count = ctx.affected.get(spec.state) ?? 0;
  if (count === 0 || ctx.incident.encrypted) return [];
  if (spec.hipaaEntitiesExempt !== undefined && hasAnyRole(ctx, ["covered_entity", "business_associate"])) return [];
  const tz = ctx.timeZone;
  const base = { regime: spec.state, jurisdiction: spec.state, trigger: spec.trigger } as const;

  const owner = hasAnyRole(ctx, ["controller", "covered_entity"]) || !hasAnyRole(ctx, ["processor", "business_associate"]);
  if (!owner) {
    if (!spec.maintainer) return [];
    return [makeObligation(version, {
      ...base,
      recipient: "data_owner",
      dueMs: null,
      dueRule: spec.maintainer.words,
      citation: spec.maintainer.citation,
    })];
  }

  const residentsKey = obligationKey(spec.state, "individuals", spec.state);
  const residentsSent = ctx.sentAtMs(residentsKey);
  let residentsDue: number | null = null;
  let residentsRule = `${count} residents: ${spec.residents.words}`;
  if (spec.residents.days !== null) {
    residentsDue = endOfDayAfter(ctx.discoveredMs, spec.residents.days, tz);
    residentsRule += ` (${spec.trigger} date is day 0, due end of day ${spec.residents.days}, ${tz})`;
    const delay = stateDelay(ctx, spec);
    if (delay && delay.endMs > residentsDue) {
      residentsDue = delay.endMs;
      residentsRule += `; ${delay.words}: the later date applies`;
    }
  }
  const out: Obligation[] = [makeObligation(version, {
    ...base,
    recipient: "individuals",
    dueMs: residentsDue,
    dueRule: residentsRule,
    citation: spec.residents.citation,
    contentChecklist: spec.residents.checklist ?? [],
  })];

  for (const r of spec.regulators) {
    if (!meets(count, r.threshold)) continue;
    if (r.onlyWhen && !r.onlyWhen(ctx)) continue;
    let dueMs: number | null = null;
    let dependsOn: string | undefined;
    const t = r.timing;
    switch (t.kind) {
      case "days":
        dueMs = endOfDayAfter(ctx.discoveredMs, t.days, tz);
        break;
      case "businessDays":
        dueMs = endOfBusinessDayAfter(ctx.discoveredMs, t.days, tz);
        if (t.orWhenResidentsNotified) {
          dueMs = earliest(dueMs, residentsSent);
          dependsOn = residentsKey;
        }
        break;
      case "noLaterThanResidents":
        dueMs = earliest(residentsDue, residentsSent);
        dependsOn = residentsKey;
        break;
      case "afterResidentsSent":
        dueMs = residentsSent === undefined ? null : endOfDayAfter(residentsSent, t.days, tz);
        dependsOn = residentsKey;
        break;
      case "businessDaysAfterSent": {
        const sent = ctx.sentAtMs(t.dependsOn);
        dueMs = sent === undefined ? null : endOfBusinessDayAfter(sent, t.days, tz);
        dependsOn = t.dependsOn;
        break;
      }
      case "words":
        break;
    }
    out.push(makeObligation(version, {
      ...base,
      recipient: r.recipient,
      dueMs,
      dueRule: `${r.words} [${thresholdWords(r.threshold)}; ${count} affected]`,
      citation: r.citation,
      contentChecklist: r.checklist ?? [],
      ...(dependsOn !== undefined ? { dependsOn } : {}),
      ...(r.keySuffix !== undefined ? { keySuffix: r.keySuffix } : {}),
    }));
  }
  return out;
}

export function defineStateRule(spec: StateSpec): RuleVersion {
  return defineRule(spec.family, spec.validFrom, (ctx, version) => evaluateState(ctx, version, spec));
}
