// DORA, Regulation (EU) 2022/2554 Art. 19 (applies from 17 January 2025, Art. 64), with the
// time limits of Commission Delegated Regulation (EU) 2025/301 Art. 5 (RTS on the content and
// time limits of major ICT-related incident reports). A financial entity (profile
// `doraFinancialEntity`) reports a major incident to its competent authority:
//  - initial notification within 4 hours from classification as major, and no later than 24 hours
//    from becoming aware of the incident (RTS Art. 5(1));
//  - intermediate report within 72 hours from the submission of the initial notification (5(2));
//  - final report within one month from the latest updated intermediate report (5(3)).
// Classification time is recorded on the incident (`doraMajorClassifiedAt`). Until it is, the
// initial notification is shown due at the 24-hour outer limit: classification must happen
// first, so it can never be later. Later reports count from the earlier report's sending, and
// until it is sent from its due instant. Not encoded: the weekend/holiday relief of RTS Art. 5(4)
// (only for entities that are not significant or systemic), voluntary significant cyber threats.
import { addHours, parseInstant } from "../calendar";
import { endOfMonthsAfter } from "../months";
import type { Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation, obligationKey } from "./context";

const RTS = "Delegated Regulation (EU) 2025/301";

export const DORA_INITIAL_CHECKLIST: readonly string[] = [
  "Initial notification content of the RTS/ITS templates (DORA Art. 20; Delegated Regulation (EU) 2025/301 Art. 1-3)",
  "Classification criteria met (DORA Art. 18; Delegated Regulation (EU) 2024/1772)",
];
export const DORA_INTERMEDIATE_CHECKLIST: readonly string[] = [
  "Intermediate report: status update, root causes known so far, measures (DORA Art. 19(4)(b))",
  "Updated whenever the status has changed significantly or handling has changed (DORA Art. 19(4)(b))",
];
export const DORA_FINAL_CHECKLIST: readonly string[] = [
  "Final report once the root cause analysis is complete, with actual impact figures (DORA Art. 19(4)(c))",
];

function evaluateDora(ctx: RuleContext, version: string): Obligation[] {
  if (!ctx.organisation.doraFinancialEntity) return [];
  const tz = ctx.timeZone;
  const jurisdiction = ctx.organisation.mainEstablishment ?? undefined;
  const base = { regime: "DORA" as const, recipient: "competent_authority" as const, ...(jurisdiction ? { jurisdiction } : {}), trigger: "awareness" as const };
  const classified = ctx.incident.doraMajorClassifiedAt;
  const outer = addHours(ctx.discoveredMs, 24);
  const initialDue = classified !== undefined ? Math.min(addHours(parseInstant(classified, "doraMajorClassifiedAt"), 4), outer) : outer;
  const initialKey = obligationKey("DORA", "competent_authority", jurisdiction, "initial");
  const intermediateKey = obligationKey("DORA", "competent_authority", jurisdiction, "intermediate");
  const initialSent = ctx.sentAtMs(initialKey);
  const intermediateDue = addHours(initialSent ?? initialDue, 72);
  const intermediateSent = ctx.sentAtMs(intermediateKey);
  return [
    makeObligation(version, {
      ...base, keySuffix: "initial", dueMs: initialDue,
      dueRule: classified !== undefined
        ? "Initial notification within 4 hours from classification as major, no later than 24 hours from awareness (the earlier, exact instant)"
        : "Initial notification within 4 hours from classification as major and no later than 24 hours from awareness: not yet classified, shown at the 24-hour limit (record the classification time)",
      citation: `DORA Art. 19(1), 19(4)(a); ${RTS} Art. 5(1)`, contentChecklist: DORA_INITIAL_CHECKLIST,
    }),
    makeObligation(version, {
      ...base, keySuffix: "intermediate", dueMs: intermediateDue, dependsOn: initialKey,
      dueRule: `Intermediate report within 72 hours from the submission of the initial notification (${initialSent !== undefined ? "counted from when it was sent" : "counted from its due time until it is recorded as sent"}; exact instant)`,
      citation: `DORA Art. 19(4)(b); ${RTS} Art. 5(2)`, contentChecklist: DORA_INTERMEDIATE_CHECKLIST,
    }),
    makeObligation(version, {
      ...base, keySuffix: "final", dueMs: endOfMonthsAfter(intermediateSent ?? intermediateDue, 1, tz), dependsOn: intermediateKey,
      dueRule: `Final report within one month from the latest updated intermediate report (${intermediateSent !== undefined ? "counted from when it was sent" : "counted from its due time until it is recorded as sent"}; same date next month, end of day, ${tz})`,
      citation: `DORA Art. 19(4)(c); ${RTS} Art. 5(3)`, contentChecklist: DORA_FINAL_CHECKLIST,
    }),
  ];
}

const row = (deadline: string, citation: string) => ({
  regime: "DORA", jurisdiction: "EU (financial entities)", recipient: "competent_authority", deadline, trigger: "awareness",
  threshold: "major ICT-related incident (DORA Art. 18, Delegated Regulation (EU) 2024/1772)",
  exceptions: "", citation, versionDate: "2025-01-17", confirmed: true,
});

export const DORA_RULES = [
  defineRule("dora-art19", "2025-01-17", evaluateDora, () => [
    row("initial: 4 hours after classification as major, at most 24 hours after awareness", `DORA Art. 19(4)(a); ${RTS} Art. 5(1)`),
    row("intermediate: 72 hours after the initial notification", `DORA Art. 19(4)(b); ${RTS} Art. 5(2)`),
    row("final: one month after the latest intermediate report", `DORA Art. 19(4)(c); ${RTS} Art. 5(3)`),
  ]),
];
