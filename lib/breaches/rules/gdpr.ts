// GDPR (Regulation (EU) 2016/679) Arts. 33-34 for the EEA, and UK GDPR Arts. 33-34 for GB.
//
// Choice: one supervisory-authority obligation (and one data-subject obligation) per EEA country
// with affected people, rather than one lead authority. The lead authority under the one-stop
// shop (Art. 56) depends on the controller's main establishment, which an incident does not
// record; notifying each concerned authority is never short of the law, and the UI may collapse
// the rows onto a lead authority where the organisation has one.
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
}

function evaluateGdpr(ctx: RuleContext, version: string, f: Flavour): Obligation[] {
  const countries = [...ctx.affected.keys()].filter(f.inScope);
  if (countries.length === 0) return [];
  const { riskLevel, encrypted } = ctx.incident;
  const out: Obligation[] = [];

  if (ctx.roles.has("controller")) {
    for (const jurisdiction of countries) {
      // Art. 33(1): not required when "unlikely to result in a risk".
      if (riskLevel !== "unlikely") {
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
    }),
  ),
  // UK GDPR (retained Regulation, as amended) from the end of the transition period. Earlier UK
  // incidents fell under the EU GDPR and are not mapped here (see MISSING_RULES).
  defineRule("uk-gdpr-art33-34", "2021-01-01", (ctx, v) =>
    evaluateGdpr(ctx, v, {
      regime: "UK-GDPR",
      law: "UK GDPR",
      authority: "Information Commissioner (ICO)",
      inScope: (j) => j === "GB",
    }),
  ),
];
