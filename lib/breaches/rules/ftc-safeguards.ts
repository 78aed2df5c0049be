// FTC Safeguards Rule, 16 CFR 314.4(j) (amendment of 13 November 2023, effective 13 May 2024):
// a financial institution (profile `ftcSafeguardsFinancialInstitution`) notifies the FTC of a
// "notification event" - unauthorized acquisition of unencrypted customer information involving
// at least 500 consumers (314.2(m)) - as soon as possible and no later than 30 days after
// discovery. Encrypted information whose key was not also acquired is not unencrypted (314.2(m)).
// Not encoded: the law-enforcement delay of 314.4(j)(2) (30 days, up to 60 more on request).
import { endOfDayAfter } from "../calendar";
import type { Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation } from "./context";

export const FTC_SAFEGUARDS_CHECKLIST: readonly string[] = [
  "Electronic form on the FTC website (314.4(j)(1))",
  "Name and contact information of the reporting financial institution (314.4(j)(1)(i))",
  "Description of the types of information involved (314.4(j)(1)(ii))",
  "If possible, the date or date range of the notification event (314.4(j)(1)(iii))",
  "Number of consumers affected or potentially affected (314.4(j)(1)(iv))",
  "General description of the notification event (314.4(j)(1)(v))",
  "Whether a law enforcement official requested a delay of public notice (314.4(j)(1)(vi))",
];

const CITATION = "16 CFR 314.4(j)";
const THRESHOLD = 500;

function evaluateSafeguards(ctx: RuleContext, version: string): Obligation[] {
  if (!ctx.organisation.ftcSafeguardsFinancialInstitution || ctx.incident.encrypted) return [];
  if (ctx.totalAffected < THRESHOLD) return [];
  return [makeObligation(version, {
    regime: "FTC-SAFEGUARDS",
    recipient: "ftc",
    dueMs: endOfDayAfter(ctx.discoveredMs, 30, ctx.timeZone),
    dueRule: `Federal Trade Commission (${ctx.totalAffected} consumers, at least 500): as soon as possible and no later than 30 days after discovery (discovery date is day 0, due end of day 30, ${ctx.timeZone})`,
    citation: CITATION,
    contentChecklist: FTC_SAFEGUARDS_CHECKLIST,
    trigger: "discovery",
  })];
}

export const FTC_SAFEGUARDS_RULES = [
  defineRule("ftc-safeguards-314.4j", "2024-05-13", evaluateSafeguards, () => [{
    regime: "FTC-SAFEGUARDS",
    jurisdiction: "United States (financial institutions under FTC jurisdiction)",
    recipient: "ftc",
    deadline: "30 days after discovery",
    trigger: "discovery",
    threshold: "at least 500 consumers",
    exceptions: "encrypted information (key not acquired); law-enforcement delay not encoded",
    citation: CITATION,
    versionDate: "2024-05-13",
    confirmed: true,
  }]),
];
