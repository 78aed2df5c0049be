// SEC Form 8-K Item 1.05 (Material Cybersecurity Incidents), adopted by Release 33-11216
// (26 July 2023; in force for Form 8-K from 18 December 2023). Only for a registrant
// (profile `listedInUS`). The clock is the materiality determination, not discovery: General
// Instruction B.1 "within four business days after the registrant determines that it has
// experienced a material cybersecurity incident"; Item 1.05(a) asks the registrant to make that
// determination without unreasonable delay after discovery.
//
// Counting: the determination's local date is day 0, due end of the fourth business day in the
// organisation's zone (weekends skipped; federal holidays NOT skipped, the earlier and safer day;
// EDGAR treats filings after 17:30 ET as filed the next business day, Reg. S-T Rule 13(a)(4)).
import { endOfBusinessDayAfter, endOfLocalDay, localDateOfInput, parseInstant } from "../calendar";
import type { Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation } from "./context";

export const ITEM_105_CHECKLIST: readonly string[] = [
  "Material aspects of the nature, scope and timing of the incident (Item 1.05(a))",
  "Material impact or reasonably likely material impact on the registrant, incl. its financial condition and results of operations (Item 1.05(a))",
  "Information not determined or unavailable at filing stated as such; amend the 8-K within four business days once available (Instruction 2 to Item 1.05)",
  "No specific technical information about planned response or vulnerabilities that would impede the response or remediation (Instruction 4 to Item 1.05)",
];

const CITATION = "17 CFR 249.308, Form 8-K Item 1.05 and General Instruction B.1";

function evaluateSec(ctx: RuleContext, version: string): Obligation[] {
  if (!ctx.organisation.listedInUS) return [];
  const determined = ctx.incident.materialityDeterminedAt;
  if (determined === undefined) {
    return [makeObligation(version, {
      regime: "SEC-8K",
      recipient: "sec",
      dueMs: null,
      dueRule: "Determine materiality without unreasonable delay after discovery (Item 1.05(a)); if material, file Form 8-K Item 1.05 within four business days of the determination (record materialityDeterminedAt to count it)",
      citation: CITATION,
      contentChecklist: ITEM_105_CHECKLIST,
      trigger: "determination",
    })];
  }
  const tz = ctx.timeZone;
  const base = endOfBusinessDayAfter(parseInstant(determined, "materialityDeterminedAt"), 4, tz);
  let dueMs = base;
  let dueRule = `Form 8-K Item 1.05 within four business days after the materiality determination (determination date is day 0, weekends skipped, federal holidays not skipped, due end of business day 4, ${tz})`;
  const delay = ctx.incident.secDelayUntil;
  if (delay !== undefined) {
    // Item 1.05(c): the Attorney General's written notice that disclosure poses a substantial risk
    // to national security or public safety delays it for the period the AG specifies (30 days,
    // extendable by 30 and, in extraordinary circumstances, 60 more, and beyond by SEC order).
    const until = endOfLocalDay(localDateOfInput(delay, tz, "secDelayUntil"), tz);
    dueMs = Math.max(base, until);
    dueRule += `; Attorney General delay under Item 1.05(c) until ${new Date(until).toISOString()}: due at the later of the two`;
  }
  return [makeObligation(version, {
    regime: "SEC-8K",
    recipient: "sec",
    dueMs,
    dueRule,
    citation: delay !== undefined ? `${CITATION}; Item 1.05(c)` : CITATION,
    contentChecklist: ITEM_105_CHECKLIST,
    trigger: "determination",
  })];
}

export const SEC_8K_RULES = [
  defineRule("sec-8k-item-1.05", "2023-12-18", evaluateSec, () => [{
    regime: "SEC-8K",
    jurisdiction: "United States (SEC registrants)",
    recipient: "sec",
    deadline: "4 business days after the materiality determination",
    trigger: "determination",
    threshold: "material cybersecurity incident; registrant under the Exchange Act",
    exceptions: "Attorney General delay (Item 1.05(c)): 30 days, +30, +60 in extraordinary circumstances",
    citation: CITATION,
    versionDate: "2023-12-18",
    confirmed: true,
  }]),
];
