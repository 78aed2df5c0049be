// A US state's definition of "personal information" as data: the elements that count with a
// name, the ones that count alone (e.g. online credentials), and how encryption and a
// risk-of-harm finding are treated. Evaluated against Incident.dataElements.
import type { DataElement, Incident } from "../types";

export interface PiDefinition {
  /** Elements that are personal information together with `name` (first name or initial + last name). */
  readonly withName: readonly DataElement[];
  /** Elements that are personal information without a name (credentials, N.C./Ind. SSN, ...). */
  readonly alone?: readonly DataElement[];
  readonly citation: string;
}

/** A stronger element implies the weaker one (a card number with its code is a card number). */
const IMPLIES: Partial<Record<DataElement, readonly DataElement[]>> = {
  financial_account_with_code: ["financial_account"],
  payment_card_with_code: ["payment_card"],
};

function expand(elements: readonly DataElement[]): Set<DataElement> {
  const set = new Set<DataElement>(elements);
  for (const e of elements) for (const implied of IMPLIES[e] ?? []) set.add(implied);
  return set;
}

/** true: triggers; false: does not; undefined: the incident does not say which elements. */
export function definitionTriggered(def: PiDefinition, incident: Incident): boolean | undefined {
  if (incident.dataElements === undefined) return undefined;
  const have = expand(incident.dataElements);
  if ((def.alone ?? []).some((e) => have.has(e))) return true;
  return have.has("name") && def.withName.some((e) => have.has(e));
}

export function definitionWords(def: PiDefinition): string {
  const alone = def.alone && def.alone.length > 0 ? `; alone: ${def.alone.join(", ")}` : "";
  return `name with ${def.withName.join(", ")}${alone} (${def.citation})`;
}

// Building blocks shared by most statutes (each state file lists its own; these are the common cores).
export const CORE: readonly DataElement[] = ["ssn", "drivers_license", "state_id", "financial_account_with_code", "payment_card_with_code"];
export const GOV_IDS: readonly DataElement[] = ["passport", "military_id", "tax_id"];
export const HEALTH: readonly DataElement[] = ["medical", "health_insurance"];
export const CREDENTIALS: readonly DataElement[] = ["username_with_password", "email_with_password"];

/** "Needs the data elements to decide": the text added to provisional rows. */
export const NEEDS_ELEMENTS =
  "Needs the data elements to decide: this row is shown because the incident does not say which data elements were involved";
