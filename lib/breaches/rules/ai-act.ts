// EU AI Act (Regulation (EU) 2024/1689) Art. 73 serious-incident reporting and Art. 26(5).
//
// Not gated on application dates: the caller flags a serious incident of a high-risk AI system
// (`aiSeriousIncident`), which already implies the Act's duties apply. Art. 113 dates and the
// Digital Omnibus postponement of Annex III duties (to 2 Dec 2027) are listed in MISSING_RULES;
// no source shows a change to the Art. 73 periods.
import { endOfDayAfter } from "../calendar";
import type { AiIncidentKind, Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation } from "./context";

export const ART_73_CHECKLIST: readonly string[] = [
  "Report of the serious incident (Art. 3(49)) once a causal link, or its reasonable likelihood, with the AI system is established (Art. 73(2))",
  "An initial, incomplete report may be made, followed by a complete report (Art. 73(5))",
  "Investigation incl. a risk assessment of the incident and corrective action (Art. 73(6))",
  "The AI system not altered in a way that may affect the evaluation of the causes before informing the authorities (Art. 73(6))",
];

/** Art. 73(2)-(4): days from awareness, by kind. */
const PERIODS: Readonly<Record<AiIncidentKind, { days: number; citation: string; words: string }>> = {
  other: { days: 15, citation: "EU AI Act Art. 73(2)", words: "not later than 15 days after becoming aware" },
  death: { days: 10, citation: "EU AI Act Art. 73(4)", words: "immediately, and not later than 10 days after becoming aware (death of a person)" },
  widespread_infringement: {
    days: 2,
    citation: "EU AI Act Art. 73(3)",
    words: "immediately, and not later than 2 days after becoming aware (widespread infringement)",
  },
  critical_infrastructure: {
    days: 2,
    citation: "EU AI Act Art. 73(3), Art. 3(49)(b)",
    words: "immediately, and not later than 2 days after becoming aware (serious and irreversible disruption of critical infrastructure)",
  },
};

function evaluateAiAct(ctx: RuleContext, version: string): Obligation[] {
  const incident = ctx.incident.aiSeriousIncident;
  if (!incident) return [];
  const out: Obligation[] = [];
  if (ctx.roles.has("ai_provider")) {
    const p = PERIODS[incident.kind];
    out.push(makeObligation(version, {
      regime: "EU-AI-ACT",
      recipient: "market_surveillance_authority",
      dueMs: endOfDayAfter(ctx.discoveredMs, p.days, ctx.timeZone),
      dueRule: `Market surveillance authority of each Member State where the incident occurred: ${p.words} (awareness date is day 0, due end of day ${p.days}, ${ctx.timeZone})`,
      citation: p.citation,
      contentChecklist: ART_73_CHECKLIST,
      trigger: "awareness",
    }));
  }
  if (ctx.roles.has("ai_deployer")) {
    out.push(makeObligation(version, {
      regime: "EU-AI-ACT",
      recipient: "provider",
      dueMs: null,
      dueRule: "Immediately (without undue delay) inform first the provider, then the importer or distributor and the market surveillance authorities",
      citation: "EU AI Act Art. 26(5)",
      contentChecklist: [],
      trigger: "awareness",
    }));
  }
  return out;
}

// Entry into force 1 Aug 2024 (Art. 113); see the header on application dates.
export const AI_ACT_RULES = [defineRule("eu-ai-act-art73", "2024-08-01", evaluateAiAct)];
