// NIS2, Directive (EU) 2022/2555 Art. 23 (transposition deadline 17 October 2024, Art. 41):
// an essential or important entity (profile `nis2`) notifies its CSIRT or, where the Member State
// so provides, its competent authority of any significant incident (Art. 23(3)):
//  (a) early warning without undue delay and within 24 hours of becoming aware (Art. 23(4)(a));
//  (b) incident notification within 72 hours of becoming aware (Art. 23(4)(b));
//  (d) final report not later than one month after the incident notification (Art. 23(4)(d)).
// One set per Member State in the profile. The incident is taken as significant unless the entity
// recorded otherwise (`nis2Significant: false`): over-notifying is the safe side.
// The one month runs from when the notification was sent; until it is, from its due instant.
// Not encoded: 23(4)(c) intermediate reports on request, 23(4)(e) progress report, 23(1)
// notice to service recipients (no fixed period), national variations of the recipient.
import { addHours } from "../calendar";
import { endOfMonthsAfter } from "../months";
import type { Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation, obligationKey } from "./context";

export const NIS2_EARLY_WARNING_CHECKLIST: readonly string[] = [
  "Whether the significant incident is suspected of being caused by unlawful or malicious acts (Art. 23(4)(a))",
  "Whether it could have a cross-border impact (Art. 23(4)(a))",
];
export const NIS2_NOTIFICATION_CHECKLIST: readonly string[] = [
  "Update of the early warning (Art. 23(4)(b))",
  "Initial assessment of the incident, incl. its severity and impact (Art. 23(4)(b))",
  "Indicators of compromise, where available (Art. 23(4)(b))",
];
export const NIS2_FINAL_CHECKLIST: readonly string[] = [
  "Detailed description of the incident, incl. its severity and impact (Art. 23(4)(d)(i))",
  "Type of threat or root cause that likely triggered it (Art. 23(4)(d)(ii))",
  "Applied and ongoing mitigation measures (Art. 23(4)(d)(iii))",
  "Cross-border impact, where applicable (Art. 23(4)(d)(iv))",
];

function evaluateNis2(ctx: RuleContext, version: string): Obligation[] {
  const nis2 = ctx.organisation.nis2;
  if (!nis2 || ctx.incident.nis2Significant === false) return [];
  const tz = ctx.timeZone;
  const out: Obligation[] = [];
  for (const state of nis2.memberStates) {
    const who = `CSIRT (or competent authority) of ${state}, ${nis2.entityType} entity`;
    out.push(makeObligation(version, {
      regime: "NIS2", recipient: "csirt", jurisdiction: state, keySuffix: "early_warning",
      dueMs: addHours(ctx.discoveredMs, 24),
      dueRule: `${who}: early warning without undue delay and within 24 hours of becoming aware of the significant incident (exact instant)`,
      citation: "NIS2 Art. 23(4)(a)", contentChecklist: NIS2_EARLY_WARNING_CHECKLIST, trigger: "awareness",
    }));
    const notificationKey = obligationKey("NIS2", "csirt", state, "notification");
    const notificationDue = addHours(ctx.discoveredMs, 72);
    out.push(makeObligation(version, {
      regime: "NIS2", recipient: "csirt", jurisdiction: state, keySuffix: "notification",
      dueMs: notificationDue,
      dueRule: `${who}: incident notification without undue delay and within 72 hours of becoming aware (exact instant)`,
      citation: "NIS2 Art. 23(4)(b)", contentChecklist: NIS2_NOTIFICATION_CHECKLIST, trigger: "awareness",
    }));
    const sent = ctx.sentAtMs(notificationKey);
    out.push(makeObligation(version, {
      regime: "NIS2", recipient: "csirt", jurisdiction: state, keySuffix: "final",
      dueMs: endOfMonthsAfter(sent ?? notificationDue, 1, tz),
      dueRule: `${who}: final report not later than one month after the incident notification (${sent !== undefined ? "counted from when it was sent" : "counted from its 72-hour due time until it is recorded as sent"}; same date next month, end of day, ${tz}); a progress report instead if the incident is ongoing (Art. 23(4)(e))`,
      citation: "NIS2 Art. 23(4)(d)", dependsOn: notificationKey, contentChecklist: NIS2_FINAL_CHECKLIST, trigger: "awareness",
    }));
  }
  return out;
}

const row = (recipient: string, deadline: string, citation: string) => ({
  regime: "NIS2", jurisdiction: "EU (Member States in the profile)", recipient, deadline, trigger: "awareness",
  threshold: "significant incident (Art. 23(3)) at an essential or important entity",
  exceptions: "", citation, versionDate: "2024-10-18", confirmed: true,
});

export const NIS2_RULES = [
  // Applies from 18 October 2024 (Art. 41(1)); national transposition dates differ.
  defineRule("nis2-art23", "2024-10-18", evaluateNis2, () => [
    row("csirt", "early warning 24 hours after awareness", "NIS2 Art. 23(4)(a)"),
    row("csirt", "incident notification 72 hours after awareness", "NIS2 Art. 23(4)(b)"),
    row("csirt", "final report one month after the incident notification", "NIS2 Art. 23(4)(d)"),
  ]),
];
