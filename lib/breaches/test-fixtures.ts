// Shared builders for the breach-engine tests (not a test file itself).
import { computeObligations } from "./compute-obligations";
import type { ComputeOptions, Incident, Obligation } from "./types";

/** Monday 2 March 2026, 10:00 UTC; a controller with an ordinary risk and nobody affected. */
export const BASE: Incident = {
  discoveredAt: "2026-03-02T10:00:00Z",
  roles: ["controller"],
  phi: false,
  encrypted: false,
  riskLevel: "risk",
  hipaaLowProbabilityOfCompromise: false,
  affected: [],
};

export function incident(overrides: Partial<Incident>): Incident {
  return { ...BASE, ...overrides };
}

export function run(overrides: Partial<Incident>, options?: ComputeOptions): Obligation[] {
  return computeObligations(incident(overrides), options);
}

export function keys(obligations: readonly Obligation[]): string[] {
  return obligations.map((o) => o.key);
}

/** Obligations as key -> dueAt, the shape most expectations are written in. */
export function dueByKey(obligations: readonly Obligation[]): Record<string, string | null> {
  return Object.fromEntries(obligations.map((o) => [o.key, o.dueAt]));
}

export function find(obligations: readonly Obligation[], key: string): Obligation {
  const o = obligations.find((x) => x.key === key);
  if (!o) throw new Error(`no obligation ${key}; got ${keys(obligations).join(", ")}`);
  return o;
}

/** Only the obligations of one regime. */
export function regime(obligations: readonly Obligation[], name: string): Obligation[] {
  return obligations.filter((o) => o.regime === name);
}
