// EU AI Act (Regulation (EU) 2024/1689) Art. 73 serious-incident reporting and Art. 26(5).
//
// Art. 113: Art. 73 applies from 2 August 2026, so the rule's first version is valid from that
// (local) discovery date; earlier incidents get no Art. 73 row. The Digital Omnibus postponement
// of Annex III duties (to 2 Dec 2027) is listed in MISSING_RULES; no source shows a change to the
// Art. 73 periods.
//
// Zone: the day count ends at the earlier of the end of day in the organisation's zone and in the
// zone of each Member State where the incident occurred (`aiMemberStates`, else the EU Member
// States among the affected jurisdictions): an authority counts its days in its own time.
import { endOfDayAfter } from "../calendar";
import type { AiIncidentKind, Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation } from "./context";
import { EU_MEMBER_STATES } from "./gdpr";

/** One IANA zone per Member State (the capital's; Portugal's mainland, Spain's peninsula). */
export const MEMBER_STATE_ZONES: Readonly<Record<string, string>> = {
  AT: "Europe/Vienna", BE: "Europe/Brussels", BG: "Europe/Sofia", HR: "Europe/Zagreb", CY: "Asia/Nicosia",
  CZ: "Europe/Prague", DK: "Europe/Copenhagen", EE: "Europe/Tallinn", FI: "Europe/Helsinki", FR: "Europe/Paris",
  DE: "Europe/Berlin", GR: "Europe/Athens", HU: "Europe/Budapest", IE: "Europe/Dublin", IT: "Europe/Rome",
  LV: "Europe/Riga", LT: "Europe/Vilnius", LU: "Europe/Luxembourg", MT: "Europe/Malta", NL: "Europe/Amsterdam",
  PL: "Europe/Warsaw", PT: "Europe/Lisbon", RO: "Europe/Bucharest", SK: "Europe/Bratislava", SI: "Europe/Ljubljana",
  ES: "Europe/Madrid", SE: "Europe/Stockholm",
};

/** Member States where the incident occurred: the explicit field, else the affected EU ones. */
export function aiMemberStates(ctx: RuleContext): string[] {
  const explicit = (ctx.incident.aiMemberStates ?? []).map((s) => s.trim().toUpperCase()).filter((s) => EU_MEMBER_STATES.includes(s));
  if (explicit.length > 0) return [...new Set(explicit)];
  return [...ctx.affected.keys()].filter((j) => EU_MEMBER_STATES.includes(j));
}

/** End of day `days` after awareness: the earliest over the organisation's and the states' zones. */
function earliestEndOfDay(ctx: RuleContext, days: number, states: readonly string[]): { dueMs: number; zones: string[] } {
  const zones = [...new Set([ctx.timeZone, ...states.map((s) => MEMBER_STATE_ZONES[s]!)])];
  return { dueMs: Math.min(...zones.map((z) => endOfDayAfter(ctx.discoveredMs, days, z))), zones };
}

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
  const states = aiMemberStates(ctx);
  const p = PERIODS[incident.kind];
  const { dueMs, zones } = earliestEndOfDay(ctx, p.days, states);
  const where = states.length > 0 ? states.join(", ") : "each Member State where the incident occurred";
  const counted = `awareness date is day 0, due end of day ${p.days}, the earliest of ${zones.join(", ")}`;
  if (ctx.roles.has("ai_provider")) {
    out.push(makeObligation(version, {
      regime: "EU-AI-ACT",
      recipient: "market_surveillance_authority",
      dueMs,
      dueRule: `Market surveillance authority of ${where}: ${p.words} (${counted})`,
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
    // Art. 26(5) second subparagraph: a deployer that cannot reach the provider reports under
    // Art. 73 mutatis mutandis; it must in any case inform the authority, so the row is kept with
    // the Art. 73 period (unless it is also the provider, whose row above covers it).
    if (!ctx.roles.has("ai_provider")) {
      out.push(makeObligation(version, {
        regime: "EU-AI-ACT",
        recipient: "market_surveillance_authority",
        dueMs,
        dueRule: `Deployer: inform the market surveillance authority of ${where} immediately after the provider; if the provider cannot be reached, report under Art. 73 mutatis mutandis: ${p.words} (${counted})`,
        citation: `EU AI Act Art. 26(5), ${p.citation}`,
        contentChecklist: ART_73_CHECKLIST,
        trigger: "awareness",
      }));
    }
  }
  return out;
}

// Art. 113(b)-(c): Art. 73 applies from 2 August 2026 (see the header).
export const AI_ACT_RULES = [
  defineRule("eu-ai-act-art73", "2026-08-02", evaluateAiAct, () =>
    Object.values(PERIODS).map((p) => ({
      regime: "EU-AI-ACT", jurisdiction: "EU (Member State where the incident occurred)", recipient: "market_surveillance_authority",
      deadline: p.words, trigger: "awareness", threshold: "serious incident (Art. 3(49)) of a high-risk AI system", exceptions: "",
      citation: p.citation, versionDate: "2026-08-02", confirmed: true,
    })),
  ),
];
