// GDPR (Regulation (EU) 2016/679) Arts. 33-34 for the EEA, and UK GDPR Arts. 33-34 for GB.
//
// Supervisory authority: with a main establishment in the EEA in the organisation's profile
// (Art. 4(16)), the one-stop shop applies (Art. 56(1), 60): one row for the lead authority of
// that country, its text naming the other concerned authorities (Art. 4(22): where data subjects
// are substantially affected). Without one (a controller established outside the EEA, or no
// profile), one row per EEA country with affected people, since there is no lead authority.
// Data-subject rows stay per country either way.
import { GDPR_DESCRIPTION, UK_GDPR_DESCRIPTION } from "./gdpr-hipaa-describe";
import { addHours } from "../calendar";
import type { Obligation, Regime } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation } from "./context";

/** EU 27 (ISO 3166-1 alpha-2; Greece as GR). */
export const EU_MEMBER_STATES: readonly string[] = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];
/** EEA = EU 27 + Iceland, Liechtenstein, Norway (GDPR incorporated into the EEA Agreement). */
export const EEA_COUNTRIES: readonly string[] = [...EU_MEMBER_STATES, "IS", "LI", "NO"];

/** Art. 33(3)(a)-(d); 33(4) lets the information come in phases. */
export const ART_33_3_CHECKLIST: readonly string[] = [
  "Nature of the breach, incl. categories and approximate number of data subjects and of personal data records concerned (Art. 33(3)(a))",
  "Name and contact details of the DPO or other contact point (Art. 33(3)(b))",
  "Likely consequences of the breach (Art. 33(3)(c))",
  "Measures taken or proposed to address the breach, incl. mitigation (Art. 33(3)(d))",
  "If later than 72 hours: the reasons for the delay (Art. 33(1)); information may be given in phases (Art. 33(4))",
];

/** Art. 34(2): plain language, the nature, and the points of Art. 33(3)(b)-(d). */
export const ART_34_2_CHECKLIST: readonly string[] = [
  "Clear and plain language description of the nature of the breach (Art. 34(2))",
  "Name and contact details of the DPO or other contact point (Art. 33(3)(b))",
  "Likely consequences of the breach (Art. 33(3)(c))",
  "Measures taken or proposed, incl. to mitigate possible adverse effects (Art. 33(3)(d))",
];

/** Art. 33(5): the documentation the authority can use to verify compliance. */
export const ART_33_5_CHECKLIST: readonly string[] = [
  "Facts relating to the breach (Art. 33(5))",
  "Its effects (Art. 33(5))",
  "Remedial action taken (Art. 33(5))",
];

interface Flavour {
  readonly regime: Regime;
  /** Prefix of citations, e.g. "GDPR" or "UK GDPR". */
  readonly law: string;
  readonly authority: string;
  readonly inScope: (jurisdiction: string) => boolean;
  /** One-stop shop (Art. 56): EU GDPR only; the UK has a single authority. */
  readonly leadAuthority: boolean;
}

function evaluateGdpr(ctx: RuleContext, version: string, f: Flavour): Obligation[] {
  const countries = [...ctx.affected.keys()].filter(f.inScope);
  if (countries.length === 0) return [];
  const { riskLevel, encrypted } = ctx.incident;
  const out: Obligation[] = [];

  const main = ctx.organisation.mainEstablishment?.toUpperCase() ?? null;
  const lead = f.leadAuthority && main !== null && f.inScope(main) ? main : null;
  if (ctx.roles.has("controller")) {
    if (lead !== null && riskLevel !== "unlikely") {
      const others = countries.filter((c) => c !== lead);
      out.push(makeObligation(version, {
        regime: f.regime,
        recipient: "supervisory_authority",
        jurisdiction: lead,
        dueMs: addHours(ctx.discoveredMs, 72),
        dueRule: `Lead supervisory authority of the main establishment (${lead}, one-stop shop): without undue delay and, where feasible, not later than 72 hours after becoming aware (exact instant); a later notice gives reasons for the delay. Other concerned authorities: ${others.length > 0 ? others.join(", ") : "none"} (informed through the lead authority, Art. 60)`,
        citation: `${f.law} Art. 33(1), Art. 56(1)`,
        contentChecklist: ART_33_3_CHECKLIST,
        trigger: "awareness",
      }));
    }
    for (const jurisdiction of countries) {
      // Art. 33(1): not required when "unlikely to result in a risk".
      if (riskLevel !== "unlikely" && lead === null) {
        out.push(makeObligation(version, {
          regime: f.regime,
          recipient: "supervisory_authority",
          jurisdiction,
          dueMs: addHours(ctx.discoveredMs, 72),
          dueRule: `${f.authority}: without undue delay and, where feasible, not later than 72 hours after becoming aware (exact instant); a later notice gives reasons for the delay`,
          citation: `${f.law} Art. 33(1)`,
          contentChecklist: ART_33_3_CHECKLIST,
          trigger: "awareness",
        }));
      }
      // Art. 34(1) high risk; 34(3)(a) exempts data unintelligible to others (encryption).
      // 34(3)(b) (later measures) and (c) (disproportionate effort -> public communication) need
      // facts the incident does not record, so the obligation stays and the officer closes it.
      if (riskLevel === "high" && !encrypted) {
        out.push(makeObligation(version, {
          regime: f.regime,
          recipient: "data_subjects",
          jurisdiction,
          dueMs: null,
          dueRule: "Without undue delay after becoming aware (no fixed period); not required where Art. 34(3)(b) or (c) applies",
          citation: `${f.law} Art. 34(1)`,
          contentChecklist: ART_34_2_CHECKLIST,
          trigger: "awareness",
        }));
      }
    }
    // Art. 33(5): the controller documents every breach, whatever the risk.
    out.push(makeObligation(version, {
      regime: f.regime,
      recipient: "register",
      dueMs: null,
      dueRule: "Document every personal data breach in the breach register (no period set; record it with the facts as they are established)",
      citation: `${f.law} Art. 33(5)`,
      contentChecklist: ART_33_5_CHECKLIST,
      trigger: "awareness",
    }));
  }

  // Art. 33(2): a processor tells the controller, whatever the risk; it makes no authority notice.
  if (ctx.roles.has("processor")) {
    out.push(makeObligation(version, {
      regime: f.regime,
      recipient: "controller",
      dueMs: null,
      dueRule: "Without undue delay after becoming aware of the breach (no fixed period)",
      citation: `${f.law} Art. 33(2)`,
      contentChecklist: [],
      trigger: "awareness",
    }));
  }
  return out;
}

export const GDPR_RULES = [
  // In application from 25 May 2018 (Art. 99(2)).
  defineRule("gdpr-art33-34", "2018-05-25", (ctx, v) =>
    evaluateGdpr(ctx, v, {
      regime: "GDPR",
      law: "GDPR",
      authority: "Supervisory authority",
      inScope: (j) => EEA_COUNTRIES.includes(j),
      leadAuthority: true,
    }),
    GDPR_DESCRIPTION,
  ),
  // UK GDPR (retained Regulation, as amended) from the end of the transition period. Earlier UK
  // incidents fell under the EU GDPR and are not mapped here (see MISSING_RULES).
  defineRule("uk-gdpr-art33-34", "2021-01-01", (ctx, v) =>
    evaluateGdpr(ctx, v, {
      regime: "UK-GDPR",
      law: "UK GDPR",
      authority: "Information Commissioner (ICO)",
      inScope: (j) => j === "GB",
      leadAuthority: false,
    }),
    UK_GDPR_DESCRIPTION,
  ),
];
