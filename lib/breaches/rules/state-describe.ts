// docs/breach-rules.md rows for a US state statute, written from the same StateSpec the engine
// evaluates, so the table a lawyer reviews cannot drift from the code.
import { US_STATES } from "../jurisdictions";
import type { RuleDescription } from "./describe";
import { definitionWords } from "./pi-definition";
import type { RegulatorTiming, StateSpec } from "./state-engine";
import { thresholdWords } from "./thresholds";

function timingWords(t: RegulatorTiming, trigger: string): string {
  switch (t.kind) {
    case "days": return `${t.days} days after ${trigger}`;
    case "hours": return `${t.hours} hours after ${trigger}`;
    case "businessDays": return `${t.days} business days after ${trigger}${t.orWhenResidentsNotified ? ", or when residents are notified if sooner" : ""}`;
    case "noLaterThanResidents": return "no later than the resident notice";
    case "afterResidentsSent": return `${t.days} days after the resident notice is sent`;
    case "businessDaysAfterSent": return `${t.days} business days after ${t.dependsOn} is sent`;
    case "words": return "no fixed period (see citation)";
  }
}

export function describeState(spec: StateSpec): RuleDescription[] {
  const jurisdiction = US_STATES[spec.state] ?? spec.state;
  const confirmed = spec.confirmed !== false;
  const exceptions = [
    `Encryption: ${spec.encryptionSafeHarbor}${spec.encryption === "any" ? " (no key-compromise rule)" : ""}`,
    spec.riskOfHarm ? `Risk of harm: ${spec.riskOfHarm}` : "",
    spec.hipaaEntitiesExempt ? `HIPAA: ${spec.hipaaEntitiesExempt}` : "",
    spec.businessDaysAfterDelay !== undefined
      ? `Law-enforcement delay: then ${spec.businessDaysAfterDelay} business days`
      : "Law-enforcement delay: to the end of the delay, unless asked after the deadline",
    spec.substitute ? `Substitute notice: ${spec.substitute}` : "",
  ].filter((x) => x !== "").join("; ");
  const common = { regime: spec.state, jurisdiction, trigger: spec.trigger, versionDate: spec.validFrom, confirmed };
  const rows: RuleDescription[] = [{
    ...common,
    recipient: "individuals",
    deadline: spec.residents.days === null ? spec.residents.words : `${spec.residents.days} days after ${spec.trigger}: ${spec.residents.words}`,
    threshold: `personal information: ${definitionWords(spec.definition)}`,
    exceptions,
    citation: spec.residents.citation,
  }];
  for (const r of spec.regulators) {
    rows.push({
      ...common,
      recipient: r.recipient,
      deadline: `${timingWords(r.timing, spec.trigger)}: ${r.words}`,
      threshold: thresholdWords(r.threshold) + (r.onlyWhen ? " (conditional, see deadline)" : ""),
      exceptions: "",
      citation: r.citation,
      confirmed: confirmed && r.confirmed !== false,
    });
  }
  if (spec.maintainer) {
    const m = spec.maintainer;
    rows.push({
      ...common,
      recipient: "data_owner",
      deadline: (m.hours !== undefined ? `${m.hours} hours after discovery: ` : m.days !== undefined ? `${m.days} days after discovery: ` : "") + m.words,
      threshold: "a person maintaining data it does not own",
      exceptions: "",
      citation: m.citation,
      confirmed: confirmed && m.confirmed === true,
    });
  }
  return rows;
}
