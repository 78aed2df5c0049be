// The deadline engine: one incident in, every legal obligation out. Pure and deterministic:
// no I/O, no clock (the only instants are the incident's and the recorded sentAt values).
import { isoDate, localDateOf, parseInstant } from "./calendar";
import { rulesInForce } from "./catalogue";
import { NO_ORGANISATION_FACTS } from "./organisation";
import type { RuleContext } from "./rules/context";
import type { ComputeOptions, Incident, Obligation, Role } from "./types";

/** Common non-ISO spellings: the UK is GB in ISO 3166, Greece is EL in EU usage but GR in ISO. */
const ALIASES: Readonly<Record<string, string>> = { UK: "GB", EL: "GR" };

export function normaliseJurisdiction(code: string): string {
  const upper = code.trim().toUpperCase();
  return ALIASES[upper] ?? upper;
}

/**
 * No roles recorded means the organisation owns the data (and the AI system) involved:
 * controller (GDPR), covered entity when PHI is involved (HIPAA), and provider when a serious
 * AI incident is flagged (EU AI Act Art. 73 puts the report on the provider; without this an
 * AI incident with no roles produced no obligation at all). An explicit role list is taken as given.
 */
export function effectiveRoles(incident: Incident): ReadonlySet<Role> {
  if (incident.roles.length > 0) return new Set(incident.roles);
  const roles: Role[] = ["controller"];
  if (incident.phi) roles.push("covered_entity");
  if (incident.aiSeriousIncident) roles.push("ai_provider");
  return new Set<Role>(roles);
}

function affectedMap(incident: Incident): Map<string, number> {
  const map = new Map<string, number>();
  for (const { jurisdiction, count } of incident.affected) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`affected count for ${jurisdiction} must be a non-negative integer, got ${count}`);
    }
    if (count === 0) continue;
    const code = normaliseJurisdiction(jurisdiction);
    map.set(code, (map.get(code) ?? 0) + count);
  }
  return map;
}

export function computeObligations(incident: Incident, options: ComputeOptions = {}): Obligation[] {
  const timeZone = options.timeZone ?? "UTC";
  const discoveredMs = parseInstant(incident.discoveredAt, "discoveredAt");
  const discoveryDate = localDateOf(discoveredMs, timeZone);
  const affected = affectedMap(incident);
  let totalAffected = 0;
  for (const n of affected.values()) totalAffected += n;

  const sent = new Map<string, number>();
  for (const [key, value] of Object.entries(options.sentAt ?? {})) {
    sent.set(key, parseInstant(value, `sentAt[${key}]`));
  }

  const ctx: RuleContext = {
    incident,
    timeZone,
    hipaaPolicy: options.hipaaLawEnforcementPolicy ?? "later_of",
    statePolicy: options.stateLawEnforcementPolicy ?? "later_of",
    discoveredMs,
    discoveryDate,
    roles: effectiveRoles(incident),
    affected,
    totalAffected,
    sentAtMs: (key) => sent.get(key),
    organisation: options.organisation ?? NO_ORGANISATION_FACTS,
  };
  return rulesInForce(isoDate(discoveryDate)).flatMap((rule) => rule.evaluate(ctx));
}
