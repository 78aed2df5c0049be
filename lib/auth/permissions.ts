// Security-sensitive: the one permission table. Deny by default: a permission not
// listed here, or a role not listed for it, is refused. The server check
// (lib/server/authz.ts) and the hiding of buttons in the UI both read this table.

export const ROLES = ["admin", "compliance_officer", "reviewer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  compliance_officer: "Compliance officer",
  reviewer: "Reviewer",
  auditor: "Auditor",
};

const ALL: readonly Role[] = ROLES;
const OFFICERS: readonly Role[] = ["admin", "compliance_officer"];
const READERS: readonly Role[] = ["admin", "compliance_officer", "auditor"];

export const PERMISSIONS = {
  // Accountability
  "user:read": ["admin", "auditor"],
  "user:manage": ["admin"],
  "apikey:read": ["admin", "auditor"],
  "apikey:manage": ["admin"],
  // Outgoing webhooks send record ids and statuses to another system: admins decide where.
  "webhooks:manage": ["admin"],
  "settings:read": ["admin", "compliance_officer", "auditor"],
  "settings:manage": ["admin"],
  // Compliance officers answer for the records, so they read and verify the log of them too.
  "audit:read": ["admin", "compliance_officer", "auditor"],
  "audit:verify": ["admin", "compliance_officer", "auditor"],
  // Every signed-in user manages their own password and MFA.
  "account:self": ALL,
  "dashboard:read": ALL,
  // Areas (their functions arrive with their issues; the rows exist so the matrix and
  // the navigation are complete from day one).
  "inventory:read": READERS,
  "inventory:write": OFFICERS,
  "consent:read": READERS,
  "consent:write": OFFICERS,
  "consent:reveal": OFFICERS,
  "breach:read": READERS,
  "breach:write": OFFICERS,
  // An export is a read: auditors take the register and reports away as evidence.
  "breach:export": READERS,
  "oversight:read": ["admin", "compliance_officer", "reviewer", "auditor"],
  "oversight:admin": OFFICERS,
  "decision:review": ["admin", "compliance_officer", "reviewer"],
  "decision:reveal": ["admin", "compliance_officer", "reviewer"],
  "posture:read": READERS,
  "posture:write": OFFICERS,
  // Operations (docs/decisions/008): anomaly alerts and the metrics endpoint.
  "alerts:read": READERS,
  "alerts:acknowledge": OFFICERS,
  "metrics:read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleHas(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed = PERMISSIONS[permission] as readonly Role[] | undefined;
  return !!allowed && allowed.includes(role);
}

/**
 * API key scopes and the permissions each one grants. A key acts with
 * (permissions of its scopes) ∩ (permissions of its bound user's role, if bound).
 */
export const SCOPES = {
  "audit:read": ["audit:read"],
  "inventory:read": ["inventory:read"],
  "inventory:write": ["inventory:read", "inventory:write"],
  "consent:read": ["consent:read"],
  "consent:write": ["consent:write"],
  "incidents:read": ["breach:read"],
  "incidents:write": ["breach:read", "breach:write"],
  "oversight:admin": ["oversight:read", "oversight:admin"],
  "decisions:read": ["oversight:read"],
  "decisions:write": ["oversight:read"],
  // Reviewers' integrations (ticketing, chat): the key must be bound to the reviewer.
  "decisions:review": ["oversight:read", "decision:review"],
  "posture:read": ["posture:read"],
  // The organisation profile (docs/decisions/330); writing also needs a key bound to an admin.
  "organisation:read": ["settings:read"],
  "organisation:write": ["settings:read", "settings:manage"],
  "alerts:read": ["alerts:read"],
  "alerts:write": ["alerts:read", "alerts:acknowledge"],
  // Prometheus scrapers: counts and timings only, no records.
  "metrics:read": ["metrics:read"],
  "webhooks:manage": ["webhooks:manage"],
} as const satisfies Record<string, readonly Permission[]>;

export type Scope = keyof typeof SCOPES;
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

export function isScope(value: string): value is Scope {
  return Object.prototype.hasOwnProperty.call(SCOPES, value);
}

export function scopesGrant(scopes: readonly string[], permission: Permission): boolean {
  return scopes.some((s) => isScope(s) && (SCOPES[s] as readonly Permission[]).includes(permission));
}

/**
 * Write scopes that include reading the same records, so a pipeline that writes
 * inventory or incidents can read back what it wrote. Anything not listed implies
 * nothing: a consent-ingest key (consent:write) cannot read consent state.
 */
const SCOPE_IMPLIES: Partial<Record<Scope, readonly Scope[]>> = {
  "inventory:write": ["inventory:read"],
  "incidents:write": ["incidents:read"],
  "organisation:write": ["organisation:read"],
  "alerts:write": ["alerts:read"],
};

export function scopeSatisfied(held: readonly string[], required: Scope): boolean {
  return held.some((h) => h === required || (isScope(h) && (SCOPE_IMPLIES[h] ?? []).includes(required)));
}

