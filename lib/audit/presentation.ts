// How the audit log reads for an auditor: areas named in the words of the app (the action
// prefixes that belong to each), and an event's details as labelled fields rather than JSON.

export const AUDIT_AREAS = {
  inventory: { label: "Data inventory", prefixes: ["inventory."] },
  consent: { label: "Consent", prefixes: ["consent."] },
  breaches: { label: "Breaches and incidents", prefixes: ["incident.", "obligation.", "breach_register."] },
  oversight: { label: "AI oversight", prefixes: ["oversight."] },
  posture: { label: "Checklists and posture", prefixes: ["posture."] },
  access: { label: "Sign-in, people and keys", prefixes: ["auth.", "user.", "apikey.", "api_key.", "permission.", "scim.", "account.", "calendar."] },
  system: { label: "Settings, keys and alerts", prefixes: ["setting.", "organisation.", "keys.", "alert.", "audit.", "webhook."] },
} as const;
export type AuditArea = keyof typeof AUDIT_AREAS;
export const AUDIT_AREA_KEYS = Object.keys(AUDIT_AREAS) as [AuditArea, ...AuditArea[]];

export type DetailField = { label: string; value: string };

/** "evidenceExpiresAt" -> "Evidence expires at" */
export function humanKey(key: string): string {
  const words = key.replace(/[_.]+/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.length === 0 ? "none" : v.map(valueText).join(", ");
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    // A change recorded as { from, to } / { before, after } reads as "old → new".
    if ("from" in o && "to" in o) return `${valueText(o.from)} → ${valueText(o.to)}`;
    if ("before" in o && "after" in o) return `${valueText(o.before)} → ${valueText(o.after)}`;
    return Object.entries(o).map(([k, x]) => `${humanKey(k)}: ${valueText(x)}`).join("; ");
  }
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

/** The stored details (a JSON object, usually) as labelled fields; anything else as one field. */
export function detailFields(diff: string | null): DetailField[] {
  if (!diff) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(diff);
  } catch {
    return [{ label: "Details", value: diff }];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [{ label: "Details", value: valueText(parsed) }];
  return Object.entries(parsed as Record<string, unknown>).map(([k, v]) => ({ label: humanKey(k), value: valueText(v) }));
}
