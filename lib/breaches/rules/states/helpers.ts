// Builders shared by the state tables (a-i.ts, j-n.ts, o-w.ts, territories.ts).
import type { DataElement } from "../../types";
import type { PiDefinition } from "../pi-definition";
import type { RegulatorSpec, RegulatorTiming, StateSpec } from "../state-engine";
import type { Threshold } from "../thresholds";

export const ENC = "personal information excludes encrypted data unless the key was also compromised";

export function ag(citation: string, words: string, rest: Omit<RegulatorSpec, "recipient" | "citation" | "words">): RegulatorSpec {
  return { recipient: "attorney_general", citation, words, ...rest };
}

export function agency(citation: string, words: string, rest: Omit<RegulatorSpec, "recipient" | "citation" | "words">): RegulatorSpec {
  return { recipient: "state_regulator", citation, words, ...rest };
}

/** Nationwide consumer reporting agencies: timing and content of the resident notices. */
export function cra(citation: string, threshold: Threshold | undefined, timing: RegulatorTiming = { kind: "words" }, words = "without unreasonable delay"): RegulatorSpec {
  return {
    // Thresholds and timing from knowledge of the statutes, not checked against the text here.
    recipient: "credit_bureaus", citation, timing, confirmed: false,
    ...(threshold !== undefined ? { threshold } : {}),
    words: `Nationwide consumer reporting agencies: ${words}, of the timing, distribution and content of the resident notices`,
  };
}

export function def(citation: string, withName: readonly DataElement[], alone: readonly DataElement[] = []): PiDefinition {
  return { citation, withName, alone };
}

/** A maintainer (vendor) that must tell the data owner "immediately following discovery". */
export function ownerNow(citation: string, days?: number): NonNullable<StateSpec["maintainer"]> {
  return {
    citation,
    words: days === undefined
      ? "Owner or licensee of the data: immediately following discovery of the breach"
      : `Owner or licensee of the data: within ${days} days following discovery of the breach`,
    ...(days !== undefined ? { days } : {}),
  };
}

export const WUD = "in the most expedient time possible and without unreasonable delay";

/** A state whose details come from general knowledge of the statute, not its text (confirmed: false). */
export function unconfirmed(spec: Omit<StateSpec, "confirmed">): StateSpec {
  return { ...spec, confirmed: false };
}
