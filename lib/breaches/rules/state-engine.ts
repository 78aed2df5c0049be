// Shared evaluator for US state breach-notification statutes, which differ mostly in numbers:
// the resident deadline, its trigger, and which regulators hear of it, above which count, when.
import {
  addBusinessDays,
  addHours,
  endOfBusinessDayAfter,
  endOfDayAfter,
  endOfLocalDay,
  isoDate,
  localDateOfInput,
} from "../calendar";
import type { Obligation, Recipient, Trigger } from "../types";
import type { RuleContext, RuleVersion } from "./context";
import { defineRule, earliest, hasAnyRole, makeObligation, obligationKey } from "./context";
import type { PiDefinition } from "./pi-definition";
import { definitionTriggered, NEEDS_ELEMENTS } from "./pi-definition";
import { describeState } from "./state-describe";
import type { Threshold } from "./thresholds";
import { meets, thresholdWords } from "./thresholds";

export type { Threshold } from "./thresholds";

export type RegulatorTiming =
  /** N calendar days after the state's trigger. */
  | { readonly kind: "days"; readonly days: number }
  /** N hours after the trigger (Minn. 325E.61(2): credit bureaus within 48 hours). */
  | { readonly kind: "hours"; readonly hours: number }
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
  /** false where this notice's details could not be confirmed against the statute text. */
  readonly confirmed?: boolean;
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
  /**
   * `key` (default): encrypted data is exempt unless the key was compromised too; `any`: the
   * statute exempts encrypted data without a key-compromise rule.
   */
  readonly encryption?: "key" | "any";
  /** The state's definition of personal information (which element combinations trigger notice). */
  readonly definition: PiDefinition;
  /** The risk-of-harm exception, where the statute has one (read with Incident.stateHarmNotLikely). */
  readonly riskOfHarm?: string;
  /** Substitute notice thresholds in words, "" when not encoded. */
  readonly substitute?: string;
  /** false where this state's details come from secondary knowledge, not the statute text. */
  readonly confirmed?: boolean;
  /** Citation where HIPAA covered entities / business associates are exempt (Arizona). */
  readonly hipaaEntitiesExempt?: string;
  /** Business days after a law-enforcement delay ends (Me. 10 M.R.S. 1348(3): 7). */
  readonly businessDaysAfterDelay?: number;
  /** A person maintaining data it does not own notifies the owner (Cal. 1798.82(b)). */
  readonly maintainer?: {
    readonly words: string;
    readonly citation: string;
    /** Calendar days after discovery (Fla. 501.171(6)(a): 10); absent = no fixed period ("immediately"). */
    readonly days?: number;
    /** Hours after discovery (O.C.G.A. 10-1-912(b): 24). */
    readonly hours?: number;
    /** true only where the duty was confirmed against the statute text (California). */
    readonly confirmed?: boolean;
  };
  readonly regulators: readonly RegulatorSpec[];
}

/**
 * End of a law-enforcement delay for a state deadline, if the policy applies one. A delay asked
 * for (statedAt) after the deadline had passed cannot revive it: the statutes delay a notice
 * that is still due, they do not excuse one already late.
 */
function stateDelay(ctx: RuleContext, spec: StateSpec, deadlineMs: number): { endMs: number; words: string } | undefined {
  const d = ctx.incident.lawEnforcementDelay;
  if (!d || ctx.statePolicy === "ignore") return undefined;
  const tz = ctx.timeZone;
  const until = localDateOfInput(d.until, tz, "lawEnforcementDelay.until");
  if (d.statedAt !== undefined) {
    const asked = localDateOfInput(d.statedAt, tz, "lawEnforcementDelay.statedAt");
    if (endOfLocalDay(asked, tz) > deadlineMs) {
      return { endMs: deadlineMs, words: `law-enforcement delay asked on ${isoDate(asked)}, after the deadline had passed: it does not extend it` };
    }
  }
  const n = spec.businessDaysAfterDelay;
  if (n !== undefined) {
    return {
      endMs: endOfLocalDay(addBusinessDays(until, n), tz),
      words: `law-enforcement delay until ${isoDate(until)}, then within ${n} business days`,
    };
  }
  return { endMs: endOfLocalDay(until, tz), words: `law-enforcement delay until ${isoDate(until)} (notice promptly after it)` };
}

/** Whether encryption takes the incident outside the statute. */
function encryptionExempts(ctx: RuleContext, spec: StateSpec): boolean {
  const i = ctx.incident;
  if (!i.encrypted) return false;
  return spec.encryption === "any" || i.encryptionKeyCompromised !== true;
}

export function evaluateState(ctx: RuleContext, version: string, spec: StateSpec): Obligation[] {
  const count = ctx.affected.get(spec.state) ?? 0;
  if (count === 0 || encryptionExempts(ctx, spec)) return [];
  if (spec.hipaaEntitiesExempt !== undefined && hasAnyRole(ctx, ["covered_entity", "business_associate"])) return [];
  if (spec.riskOfHarm !== undefined && ctx.incident.stateHarmNotLikely === true) return [];
  const triggered = definitionTriggered(spec.definition, ctx.incident);
  if (triggered === false) return [];
  const tz = ctx.timeZone;
  // Elements not given: the rows are still produced, marked provisional, never silently assumed.
  const provisional = triggered === undefined;
  const mark = (rule: string): string => (provisional ? `${NEEDS_ELEMENTS}. ${rule}` : rule);
  const needs = provisional ? { needs: ["dataElements"] } : {};
  const needsLine = provisional ? [`Record the data elements involved: ${spec.definition.citation} decides whether notice is required`] : [];
  const base = { regime: spec.state, jurisdiction: spec.state, trigger: spec.trigger, ...needs } as const;

  const owner = hasAnyRole(ctx, ["controller", "covered_entity"]) || !hasAnyRole(ctx, ["processor", "business_associate"]);
  if (!owner) {
    const m = spec.maintainer;
    if (!m) return [];
    const dueMs = m.hours !== undefined ? addHours(ctx.discoveredMs, m.hours)
      : m.days !== undefined ? endOfDayAfter(ctx.discoveredMs, m.days, tz) : null;
    return [makeObligation(version, {
      ...base,
      recipient: "data_owner",
      dueMs,
      dueRule: mark(m.words),
      citation: m.citation,
      contentChecklist: needsLine,
    })];
  }

  const residentsKey = obligationKey(spec.state, "individuals", spec.state);
  const residentsSent = ctx.sentAtMs(residentsKey);
  let residentsDue: number | null = null;
  let residentsRule = `${count} residents: ${spec.residents.words}`;
  if (spec.residents.days !== null) {
    residentsDue = endOfDayAfter(ctx.discoveredMs, spec.residents.days, tz);
    residentsRule += ` (${spec.trigger} date is day 0, due end of day ${spec.residents.days}, ${tz})`;
    const delay = stateDelay(ctx, spec, residentsDue);
    if (delay && delay.endMs > residentsDue) {
      residentsDue = delay.endMs;
      residentsRule += `; ${delay.words}: the later date applies`;
    } else if (delay && delay.endMs === residentsDue) {
      residentsRule += `; ${delay.words}`;
    }
  }
  const out: Obligation[] = [makeObligation(version, {
    ...base,
    recipient: "individuals",
    dueMs: residentsDue,
    dueRule: mark(residentsRule),
    citation: spec.residents.citation,
    contentChecklist: [...needsLine, ...(spec.residents.checklist ?? [])],
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
      case "hours":
        dueMs = addHours(ctx.discoveredMs, t.hours);
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
      dueRule: mark(`${r.words} [${thresholdWords(r.threshold)}; ${count} affected]`),
      citation: r.citation,
      contentChecklist: [...needsLine, ...(r.checklist ?? [])],
      ...(dependsOn !== undefined ? { dependsOn } : {}),
      ...(r.keySuffix !== undefined ? { keySuffix: r.keySuffix } : {}),
    }));
  }
  return out;
}

export function defineStateRule(spec: StateSpec): RuleVersion {
  const rule = defineRule(spec.family, spec.validFrom, (ctx, version) => evaluateState(ctx, version, spec));
  return { ...rule, describe: () => describeState(spec) };
}
