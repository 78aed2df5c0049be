// The versioned rule catalogue. A change of law is a new RuleVersion with a later validFrom in
// its regime's file; old versions stay, so an incident is always judged by the law in force on
// its (local) discovery date and every obligation names the version that produced it.
import type { RuleVersion } from "./rules/context";
import { AI_ACT_RULES } from "./rules/ai-act";
import { CALIFORNIA_RULES } from "./rules/california";
import { GDPR_RULES } from "./rules/gdpr";
import { HIPAA_RULES } from "./rules/hipaa";
import { US_STATE_RULES } from "./rules/us-states";
import { SECTOR_RULES } from "./rules/sector";

export { MISSING_RULES } from "./missing";
export type { MissingRule } from "./missing";

export const CATALOGUE: readonly RuleVersion[] = [
  ...GDPR_RULES,
  ...HIPAA_RULES,
  ...AI_ACT_RULES,
  ...CALIFORNIA_RULES,
  ...US_STATE_RULES,
  ...SECTOR_RULES,
];

/**
 * Per family, the latest version with validFrom on or before `discoveryDate` (YYYY-MM-DD, the
 * local date of discovery). Families without a version in force yield nothing. Order follows the
 * catalogue (first appearance of each family), so output is deterministic.
 */
export function rulesInForce(discoveryDate: string, catalogue: readonly RuleVersion[] = CATALOGUE): RuleVersion[] {
  const chosen = new Map<string, RuleVersion>();
  for (const rule of catalogue) {
    if (rule.validFrom > discoveryDate) continue;
    const current = chosen.get(rule.family);
    if (current === undefined || rule.validFrom > current.validFrom) chosen.set(rule.family, rule);
  }
  return [...chosen.values()];
}

/** Integrity checks for the catalogue: unique versions, well-formed dates. */
export function catalogueProblems(catalogue: readonly RuleVersion[] = CATALOGUE): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of catalogue) {
    if (seen.has(rule.version)) problems.push(`duplicate version ${rule.version}`);
    seen.add(rule.version);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rule.validFrom)) problems.push(`bad validFrom in ${rule.version}`);
  }
  return problems;
}
