// FTC Health Breach Notification Rule, 16 CFR Part 318, as amended (89 FR 47028, effective
// 29 July 2024). A vendor of personal health records or PHR related entity (profile `phrVendor`)
// that discovers a breach of unsecured PHR identifiable health information (the incident's `phi`
// flag, not encrypted) notifies:
//  - each individual without unreasonable delay and no later than 60 calendar days after
//    discovery (318.4(a));
//  - prominent media outlets serving a State or jurisdiction where 500 or more of its residents
//    are affected, same time limit (318.5(b));
//  - the FTC: for 500 or more individuals contemporaneously with the individual notice and no
//    later than 60 calendar days after discovery (318.5(c), as amended); for fewer than 500, in
//    the annual log within 60 calendar days after the end of the calendar year (318.5(c)).
// Not encoded: the law-enforcement delay of 318.7; third-party service providers (318.3(b)).
import { endOfDayAfter, endOfYearPlusDays } from "../calendar";
import type { Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation, obligationKey } from "./context";

export const HBNR_CHECKLIST: readonly string[] = [
  "What happened, incl. the date of the breach and of discovery, and the full name or identity of any third party that acquired the information (318.6(a))",
  "Types of unsecured PHR identifiable health information involved (318.6(b))",
  "Steps individuals should take to protect themselves (318.6(c))",
  "What the entity is doing to investigate, mitigate harm and protect against further breaches (318.6(d))",
  "Contact procedures: two or more of toll-free number, e-mail, website, in-app, postal address (318.6(e))",
];
export const HBNR_FTC_CHECKLIST: readonly string[] = ["Form on the FTC website (318.5(c))"];

const THRESHOLD = 500;

function evaluateHbnr(ctx: RuleContext, version: string): Obligation[] {
  if (!ctx.organisation.phrVendor || !ctx.incident.phi || ctx.incident.encrypted) return [];
  const tz = ctx.timeZone;
  const sixty = endOfDayAfter(ctx.discoveredMs, 60, tz);
  const days = `no later than 60 calendar days after discovery (discovery date is day 0, due end of day 60, ${tz})`;
  const out: Obligation[] = [makeObligation(version, {
    regime: "FTC-HBNR", recipient: "individuals", dueMs: sixty,
    dueRule: `Each affected individual: without unreasonable delay and ${days}`,
    citation: "16 CFR 318.4(a)", contentChecklist: HBNR_CHECKLIST, trigger: "discovery",
  })];
  for (const [jurisdiction, count] of ctx.affected) {
    if (!jurisdiction.startsWith("US-") || count < THRESHOLD) continue;
    out.push(makeObligation(version, {
      regime: "FTC-HBNR", recipient: "media", jurisdiction, dueMs: sixty,
      dueRule: `Prominent media outlets serving ${jurisdiction} (${count} residents, 500 or more): without unreasonable delay and ${days}`,
      citation: "16 CFR 318.5(b)", contentChecklist: HBNR_CHECKLIST, trigger: "discovery",
    }));
  }
  if (ctx.totalAffected >= THRESHOLD) {
    const individualsKey = obligationKey("FTC-HBNR", "individuals");
    const sent = ctx.sentAtMs(individualsKey);
    out.push(makeObligation(version, {
      regime: "FTC-HBNR", recipient: "ftc", dueMs: sent !== undefined ? Math.min(sent, sixty) : sixty, dependsOn: individualsKey,
      dueRule: `Federal Trade Commission (${ctx.totalAffected} individuals, 500 or more): contemporaneously with the notice to individuals and ${days}${sent !== undefined ? "; the individual notices were sent, so due with them" : ""}`,
      citation: "16 CFR 318.5(c)", contentChecklist: HBNR_FTC_CHECKLIST, trigger: "discovery",
    }));
  } else {
    const year = ctx.discoveryDate.year;
    out.push(makeObligation(version, {
      regime: "FTC-HBNR", recipient: "ftc", dueMs: endOfYearPlusDays(year, 60, tz),
      dueRule: `Federal Trade Commission (${ctx.totalAffected} individuals, fewer than 500): log the breach and notify within 60 calendar days after the end of calendar year ${year} (31 December is day 0)`,
      citation: "16 CFR 318.5(c)", contentChecklist: HBNR_FTC_CHECKLIST, trigger: "discovery",
    }));
  }
  return out;
}

const row = (recipient: string, deadline: string, threshold: string, citation: string) => ({
  regime: "FTC-HBNR", jurisdiction: "United States (vendors of personal health records)", recipient, deadline, trigger: "discovery",
  threshold, exceptions: "secured (encrypted) information; law-enforcement delay (318.7) not encoded", citation, versionDate: "2024-07-29", confirmed: true,
});

export const FTC_HBNR_RULES = [
  defineRule("ftc-hbnr-318", "2024-07-29", evaluateHbnr, () => [
    row("individuals", "60 calendar days after discovery", "", "16 CFR 318.4(a)"),
    row("media", "60 calendar days after discovery", "500 or more residents of a State or jurisdiction", "16 CFR 318.5(b)"),
    row("ftc", "contemporaneously with the individual notice, at most 60 days after discovery", "500 or more individuals", "16 CFR 318.5(c)"),
    row("ftc", "60 days after the end of the calendar year (annual log)", "fewer than 500 individuals", "16 CFR 318.5(c)"),
  ]),
];
