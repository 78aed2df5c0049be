// US state and territory breach-notification statutes other than California (rules/california.ts),
// for private entities, as data tables (states/*.ts) evaluated by state-engine.ts.
//
// validFrom: the date the encoded wording took effect where known; for the older "without
// unreasonable delay" statutes it is a lower bound by which the wording was in force (no earlier
// version is encoded, see MISSING_RULES). Citations are to the section; subsections are given where
// known. Rows written from knowledge of a statute rather than its text are `confirmed: false`.
import type { StateSpec } from "./state-engine";
import { defineStateRule } from "./state-engine";
import { STATES_A_I } from "./states/a-i";
import { STATES_J_N } from "./states/j-n";
import { STATES_O_W } from "./states/o-w";
import { TERRITORIES } from "./states/territories";

export const US_STATE_SPECS: readonly StateSpec[] = [...STATES_A_I, ...STATES_J_N, ...STATES_O_W, ...TERRITORIES];

export const US_STATE_RULES = US_STATE_SPECS.map(defineStateRule);
