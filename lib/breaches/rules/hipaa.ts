// HIPAA Breach Notification Rule, 45 CFR 164.400-414 (as amended by the 2013 Omnibus Rule,
// compliance date 23 September 2013, which introduced the four-factor "low probability of
// compromise" assessment of 164.402(2) that the incident records).
import { HIPAA_DESCRIPTION } from "./gdpr-hipaa-describe";
import {
  addDays,
  daysBetween,
  endOfDayAfter,
  endOfLocalDay,
  endOfYearPlusDays,
  isoDate,
  localDateOf,
  localDateOfInput,
} from "../calendar";
import type { LocalDate } from "../calendar";
import type { Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation } from "./context";

/** 164.404(c)(1)(A)-(E) and (c)(2); 164.406(c) requires the same content for the media. */
export const HIPAA_404C_CHECKLIST: readonly string[] = [
  "What happened, incl. the date of the breach and the date of discovery, if known (164.404(c)(1)(A))",
  "Types of unsecured PHI involved, e.g. name, SSN, date of birth, address, account number, diagnosis (164.404(c)(1)(B))",
  "Steps individuals should take to protect themselves from potential harm (164.404(c)(1)(C))",
  "What the covered entity is doing to investigate, mitigate harm and protect against further breaches (164.404(c)(1)(D))",
  "Contact procedures, incl. a toll-free number, an e-mail address, web site or postal address (164.404(c)(1)(E))",
  "Written in plain language (164.404(c)(2))",
];

export const HIPAA_408_CHECKLIST: readonly string[] = [
  "Submitted in the manner specified on the HHS web site (breach portal) (164.408(a))",
];

export const HIPAA_410C_CHECKLIST: readonly string[] = [
  "Identification of each individual whose unsecured PHI was, or is reasonably believed to have been, accessed, acquired, used or disclosed (164.410(c)(1))",
  "Any other available information the covered entity needs for its notice to individuals under 164.404(c) (164.410(c)(2))",
];

interface Delay {
  /** Local date of the statement (day 0 of the oral 30 days; start of tolling). */
  readonly startDate: LocalDate;
  readonly endMs: number;
  readonly words: string;
}

/**
 * 164.412: (a) a written statement specifying a time -> delay for that time (to the end of the
 * local day stated); (b) an oral statement -> document it and delay no longer than 30 days from
 * it unless a written statement follows. A missing statedAt is taken as the discovery instant,
 * which can only shorten the delay (the safe side).
 */
function hipaaDelay(ctx: RuleContext): Delay | undefined {
  const d = ctx.incident.lawEnforcementDelay;
  if (!d) return undefined;
  const tz = ctx.timeZone;
  const untilDate = localDateOfInput(d.until, tz, "lawEnforcementDelay.until");
  const untilEnd = endOfLocalDay(untilDate, tz);
  const startDate =
    d.statedAt !== undefined ? localDateOfInput(d.statedAt, tz, "lawEnforcementDelay.statedAt") : ctx.discoveryDate;
  if (d.written) {
    return { startDate, endMs: untilEnd, words: `written law-enforcement statement: delayed until ${isoDate(untilDate)} (164.412(a))` };
  }
  const endMs = Math.min(untilEnd, endOfLocalDay(addDays(startDate, 30), tz));
  return {
    startDate,
    endMs,
    words: `oral law-enforcement statement: delayed until ${isoDate(localDateOf(endMs, tz))}, at most 30 days from the statement (164.412(b))`,
  };
}

/**
 * A delay only moves a deadline it was asked for in time: a statement made after the deadline
 * had passed does not excuse the lateness (the notice was already overdue).
 */
function delayFor(ctx: RuleContext, deadlineMs: number): Delay | undefined {
  const delay = hipaaDelay(ctx);
  if (!delay) return undefined;
  return isoDate(delay.startDate) <= isoDate(localDateOf(deadlineMs, ctx.timeZone)) ? delay : undefined;
}

/** "No later than 60 calendar days after discovery", moved by a 164.412 delay per the policy. */
function sixtyDays(ctx: RuleContext, what: string): { dueMs: number; dueRule: string } {
  const tz = ctx.timeZone;
  const base = endOfDayAfter(ctx.discoveredMs, 60, tz);
  const rule = `${what}: without unreasonable delay and no later than 60 calendar days after discovery (discovery date is day 0, due end of day 60, ${tz})`;
  const delay = delayFor(ctx, base);
  if (!delay) return { dueMs: base, dueRule: rule };
  if (ctx.hipaaPolicy === "later_of") {
    return {
      dueMs: Math.max(base, delay.endMs),
      dueRule: `${rule}; ${delay.words}; policy later_of: the later of the 60-day deadline and the end of the delay`,
    };
  }
  // Tolled: the days used before the statement count; the rest run from the end of the delay.
  const used = Math.max(0, daysBetween(ctx.discoveryDate, delay.startDate));
  const tolled = endOfLocalDay(addDays(localDateOf(delay.endMs, tz), 60 - used), tz);
  return {
    dueMs: Math.max(base, tolled),
    dueRule: `${rule}; ${delay.words}; policy tolled: ${used} days used before the delay, the remaining ${60 - used} run after it`,
  };
}

const HIPAA_TERRITORIES = new Set(["PR", "VI", "GU", "AS", "MP"]);

/** 45 CFR 160.103: the States, DC and the territories. */
export function isHipaaState(jurisdiction: string): boolean {
  return jurisdiction.startsWith("US-") || HIPAA_TERRITORIES.has(jurisdiction);
}

function evaluateHipaa(ctx: RuleContext, version: string): Obligation[] {
  const { phi, encrypted, hipaaLowProbabilityOfCompromise } = ctx.incident;
  // 164.402: only unsecured PHI; encryption per HHS guidance (key not compromised) secures it,
  // and a documented low probability of compromise (164.402(2)) means there is no breach.
  if (!phi || encrypted || hipaaLowProbabilityOfCompromise) return [];
  const out: Obligation[] = [];

  if (ctx.roles.has("covered_entity")) {
    const individuals = sixtyDays(ctx, "Individuals");
    out.push(makeObligation(version, {
      regime: "HIPAA",
      recipient: "individuals",
      dueMs: individuals.dueMs,
      dueRule: individuals.dueRule,
      citation: "45 CFR 164.404(b)",
      contentChecklist: HIPAA_404C_CHECKLIST,
      trigger: "discovery",
    }));

    // 164.406(a): "more than 500 residents of a State or jurisdiction" (500 exactly: no media).
    // 160.103 "State" includes Puerto Rico, the Virgin Islands, Guam, American Samoa and the
    // Northern Mariana Islands; they may be recorded as US-PR or as the ISO country code PR.
    for (const [jurisdiction, count] of ctx.affected) {
      if (!isHipaaState(jurisdiction) || count <= 500) continue;
      const media = sixtyDays(ctx, `Prominent media outlets serving ${jurisdiction} (${count} residents, more than 500)`);
      out.push(makeObligation(version, {
        regime: "HIPAA",
        recipient: "media",
        jurisdiction,
        dueMs: media.dueMs,
        dueRule: media.dueRule,
        citation: "45 CFR 164.406(a)-(b)",
        contentChecklist: HIPAA_404C_CHECKLIST,
        trigger: "discovery",
      }));
    }

    // The 500 threshold counts every affected individual, wherever they live (164.408(b) counts
    // individuals, not residents of one State as 164.406 does).
    if (ctx.totalAffected >= 500) {
      // 164.408(b): 500 or more -> contemporaneously with the individual notice. Once that notice
      // is recorded as sent, HHS is due with it (not at the 60-day outer limit).
      const hhs = sixtyDays(ctx, `Secretary of HHS (${ctx.totalAffected} individuals, 500 or more), contemporaneously with the notice to individuals`);
      const individualsSent = ctx.sentAtMs("HIPAA:individuals");
      out.push(makeObligation(version, {
        regime: "HIPAA",
        recipient: "hhs",
        dueMs: individualsSent !== undefined ? Math.min(individualsSent, hhs.dueMs) : hhs.dueMs,
        dueRule: individualsSent !== undefined ? `${hhs.dueRule}; the individual notices were sent, so due with them` : hhs.dueRule,
        dependsOn: "HIPAA:individuals",
        citation: "45 CFR 164.408(b)",
        contentChecklist: HIPAA_408_CHECKLIST,
        trigger: "discovery",
      }));
    } else {
      // 164.408(c): fewer than 500 -> log it; notify within 60 days after the end of the
      // calendar year of discovery (local year). A delay can only move it later.
      const year = ctx.discoveryDate.year;
      const base = endOfYearPlusDays(year, 60, ctx.timeZone);
      const delay = delayFor(ctx, base);
      const rule = `Secretary of HHS (${ctx.totalAffected} individuals, fewer than 500): log the breach and notify not later than 60 days after the end of calendar year ${year} (31 December is day 0)`;
      out.push(makeObligation(version, {
        regime: "HIPAA",
        recipient: "hhs",
        dueMs: delay ? Math.max(base, delay.endMs) : base,
        dueRule: delay ? `${rule}; ${delay.words}; the later of the two applies` : rule,
        citation: "45 CFR 164.408(c)",
        contentChecklist: HIPAA_408_CHECKLIST,
        trigger: "discovery",
      }));
    }
  }

  if (ctx.roles.has("business_associate")) {
    const ce = sixtyDays(ctx, "Covered entity");
    out.push(makeObligation(version, {
      regime: "HIPAA",
      recipient: "covered_entity",
      dueMs: ce.dueMs,
      dueRule: ce.dueRule,
      citation: "45 CFR 164.410(b)",
      contentChecklist: HIPAA_410C_CHECKLIST,
      trigger: "discovery",
    }));
  }
  return out;
}

export const HIPAA_RULES = [defineRule("hipaa-164.400-414", "2013-09-23", evaluateHipaa, HIPAA_DESCRIPTION)];
