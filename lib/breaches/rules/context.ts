// What every rule receives, and the shape of a versioned rule in the catalogue.
import type { LocalDate } from "../calendar";
import { toIso } from "../calendar";
import type {
  HipaaLawEnforcementPolicy,
  Incident,
  Obligation,
  Recipient,
  Regime,
  Role,
  StateLawEnforcementPolicy,
  Trigger,
} from "../types";
import type { OrganisationFacts } from "../organisation";
import type { RuleDescription } from "./describe";

export interface RuleContext {
  readonly incident: Incident;
  readonly timeZone: string;
  readonly hipaaPolicy: HipaaLawEnforcementPolicy;
  readonly statePolicy: StateLawEnforcementPolicy;
  /** The one recorded instant: discovery = awareness = determination (see types.ts). */
  readonly discoveredMs: number;
  /** Its local date in the organisation's zone: day 0 of every day count. */
  readonly discoveryDate: LocalDate;
  readonly roles: ReadonlySet<Role>;
  /** Affected people per jurisdiction (upper-cased, summed, only counts > 0), first-seen order. */
  readonly affected: ReadonlyMap<string, number>;
  /** Sum over all jurisdictions. */
  readonly totalAffected: number;
  /** When the obligation with this key was sent, if recorded. */
  sentAtMs(key: string): number | undefined;
  /** The organisation's profile (NO_ORGANISATION_FACTS when none was given). */
  readonly organisation: OrganisationFacts;
}

/**
 * One version of one rule family. A change of law adds a version with a later `validFrom`
 * (never edits an old one), and the catalogue applies, per family, the latest version whose
 * `validFrom` is on or before the local discovery date.
 */
export interface RuleVersion {
  readonly family: string;
  /** YYYY-MM-DD: first discovery date this wording governs. */
  readonly validFrom: string;
  /** `${family}@${validFrom}`, recorded on every obligation it produces. */
  readonly version: string;
  evaluate(ctx: RuleContext): Obligation[];
  /** Rows of docs/breach-rules.md (scripts/breach-rules-doc.mjs). */
  describe?(): RuleDescription[];
}

export function defineRule(
  family: string,
  validFrom: string,
  evaluate: (ctx: RuleContext, version: string) => Obligation[],
  describe?: () => RuleDescription[],
): RuleVersion {
  const version = `${family}@${validFrom}`;
  return { family, validFrom, version, evaluate: (ctx) => evaluate(ctx, version), ...(describe ? { describe } : {}) };
}

export interface ObligationDraft {
  readonly regime: Regime;
  readonly recipient: Recipient;
  readonly jurisdiction?: string;
  readonly dueMs: number | null;
  readonly dueRule: string;
  readonly citation: string;
  readonly dependsOn?: string;
  readonly contentChecklist?: readonly string[];
  readonly trigger: Trigger;
  /** Distinguishes two obligations to the same recipient (e.g. N.Y. AG under HIPAA). */
  readonly keySuffix?: string;
  /** Facts the rule needed and the incident lacks (the row is provisional). */
  readonly needs?: readonly string[];
}

/** Key: REGIME:recipient, then the jurisdiction unless it equals the regime (US states). */
export function obligationKey(regime: Regime, recipient: Recipient, jurisdiction?: string, suffix?: string): string {
  const parts: string[] = [regime, recipient];
  if (jurisdiction !== undefined && jurisdiction !== regime) parts.push(jurisdiction);
  if (suffix !== undefined) parts.push(suffix);
  return parts.join(":");
}

export function makeObligation(ruleVersion: string, d: ObligationDraft): Obligation {
  const base = {
    key: obligationKey(d.regime, d.recipient, d.jurisdiction, d.keySuffix),
    regime: d.regime,
    recipient: d.recipient,
    dueAt: d.dueMs === null ? null : toIso(d.dueMs),
    dueRule: d.dueRule,
    citation: d.citation,
    ruleVersion,
    contentChecklist: [...(d.contentChecklist ?? [])],
    trigger: d.trigger,
  };
  // Optional fields are omitted rather than set to undefined (exactOptionalPropertyTypes-safe).
  return {
    ...base,
    ...(d.jurisdiction !== undefined ? { jurisdiction: d.jurisdiction } : {}),
    ...(d.dependsOn !== undefined ? { dependsOn: d.dependsOn } : {}),
    ...(d.needs !== undefined && d.needs.length > 0 ? { needs: [...d.needs] } : {}),
  };
}

export function hasAnyRole(ctx: RuleContext, roles: readonly Role[]): boolean {
  return roles.some((r) => ctx.roles.has(r));
}

/** Earliest of the given instants, ignoring missing ones; null when none. */
export function earliest(...values: ReadonlyArray<number | null | undefined>): number | null {
  const present = values.filter((v): v is number => typeof v === "number");
  return present.length === 0 ? null : Math.min(...present);
}
