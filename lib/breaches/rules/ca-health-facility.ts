// California Health and Safety Code 1280.15(b): a licensed clinic, health facility, home health
// agency or hospice (profile `californiaLicensedHealthFacility`) reports any unlawful or
// unauthorized access to, or use or disclosure of, a patient's medical information to the
// California Department of Public Health and to the affected patient (or representative) no later
// than 15 business days after the access, use or disclosure has been detected. Taken from the
// incident's `phi` flag. The statute has no encryption exception, so encryption does not remove
// the rows (the department's regulations, 22 CCR 79900 ff., define "unauthorized"; the facility
// closes a row as not required with its reason). Not encoded: the law-enforcement delay of
// 1280.15(c) and the penalties of 1280.15(a).
import { endOfBusinessDayAfter } from "../calendar";
import type { Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation } from "./context";

export const HSC_1280_15_CHECKLIST: readonly string[] = [
  "Report to the department in the form it requires (1280.15(b)(1))",
  "Written notice to the patient or representative at the last known address (1280.15(b)(2))",
];

const CITATION = "Cal. Health & Safety Code 1280.15(b)";

function evaluateHsc(ctx: RuleContext, version: string): Obligation[] {
  if (!ctx.organisation.californiaLicensedHealthFacility || !ctx.incident.phi) return [];
  const tz = ctx.timeZone;
  const dueMs = endOfBusinessDayAfter(ctx.discoveredMs, 15, tz);
  const days = `no later than 15 business days after detection (detection date is day 0, weekends skipped, holidays not skipped, due end of business day 15, ${tz})`;
  return [
    makeObligation(version, {
      regime: "US-CA-HSC", recipient: "cdph", dueMs,
      dueRule: `California Department of Public Health: ${days}`,
      citation: `${CITATION}(1)`, contentChecklist: HSC_1280_15_CHECKLIST, trigger: "discovery",
    }),
    makeObligation(version, {
      regime: "US-CA-HSC", recipient: "individuals", dueMs,
      dueRule: `Each affected patient or the patient's representative: ${days}`,
      citation: `${CITATION}(2)`, contentChecklist: HSC_1280_15_CHECKLIST, trigger: "discovery",
    }),
  ];
}

const row = (recipient: string) => ({
  regime: "US-CA-HSC", jurisdiction: "California (licensed clinics and health facilities)", recipient,
  deadline: "15 business days after detection", trigger: "discovery", threshold: "any patient",
  exceptions: "none in the statute; law-enforcement delay (1280.15(c)) not encoded", citation: CITATION,
  versionDate: "2015-01-01", confirmed: true,
});

// Version date: the 15-business-day period in force since AB 1755 (2014), effective 1 Jan 2015.
export const CA_HSC_RULES = [defineRule("us-ca-hsc-1280.15", "2015-01-01", evaluateHsc, () => [row("cdph"), row("individuals")])];
