// 23 NYCRR 500.17(a) (Second Amendment, 1 November 2023): a covered entity notifies the
// Superintendent of Financial Services electronically "as promptly as possible but in no event
// later than 72 hours after determining that a cybersecurity incident has occurred" at the
// entity, its affiliates or a third-party service provider. Profile `nydfsCovered`.
// Not encoded: 500.17(c) extortion payment notice (24 hours, written explanation within 30
// days), which needs a fact the incident does not record.
import { addHours } from "../calendar";
import type { Obligation } from "../types";
import type { RuleContext } from "./context";
import { defineRule, makeObligation } from "./context";

export const NYDFS_CHECKLIST: readonly string[] = [
  "Electronic notice through the DFS Portal (500.17(a)(1))",
  "Any information requested regarding the investigation, provided promptly (500.17(a)(2))",
  "Continuing duty to update and supplement the information (500.17(a)(2))",
];

const CITATION = "23 NYCRR 500.17(a)";

function evaluateNydfs(ctx: RuleContext, version: string): Obligation[] {
  if (!ctx.organisation.nydfsCovered) return [];
  return [makeObligation(version, {
    regime: "NYDFS",
    recipient: "state_regulator",
    jurisdiction: "US-NY",
    dueMs: addHours(ctx.discoveredMs, 72),
    dueRule: "Superintendent of Financial Services: as promptly as possible, no later than 72 hours after determining that a cybersecurity incident occurred (exact instant)",
    citation: CITATION,
    contentChecklist: NYDFS_CHECKLIST,
    trigger: "determination",
  })];
}

export const NYDFS_RULES = [
  defineRule("nydfs-500.17", "2023-11-01", evaluateNydfs, () => [{
    regime: "NYDFS",
    jurisdiction: "New York (DFS covered entities)",
    recipient: "state_regulator",
    deadline: "72 hours after determination",
    trigger: "determination",
    threshold: "cybersecurity incident (500.1(g)) at the entity, an affiliate or a third-party service provider",
    exceptions: "",
    citation: CITATION,
    versionDate: "2023-11-01",
    confirmed: true,
  }]),
];
