// One row of docs/breach-rules.md per obligation a rule can produce (shared interface of the
// breach engineers: identical file on both branches).
export interface RuleDescription {
  readonly regime: string;            // e.g. "US-TX", "GDPR", "SEC-8K"
  readonly jurisdiction: string;      // human name, e.g. "Texas", "EU/EEA", "United States (SEC registrants)"
  readonly recipient: string;         // e.g. "individuals", "attorney_general", "credit_bureaus"
  readonly deadline: string;          // words: "60 days after determination", "without unreasonable delay"
  readonly trigger: "awareness" | "discovery" | "determination" | string;
  readonly threshold: string;         // e.g. "250 or more residents", "" if none
  readonly exceptions: string;        // risk-of-harm, encryption, LE delay, "" if none
  readonly citation: string;
  readonly versionDate: string;       // YYYY-MM-DD (the rule's validFrom or the statute's version)
  readonly confirmed: boolean;        // false where the statute text could not be confirmed
}
