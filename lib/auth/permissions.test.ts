import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, roleHas, scopeSatisfied, scopesGrant, SCOPES, type Permission, type Role } from "./permissions";

// The expected matrix written out by hand, independently of the table, so a change to the
// table that is not also a deliberate change here fails.
const WRITE = new Set<Permission>(["user:manage", "apikey:manage", "settings:manage", "inventory:write", "consent:write", "consent:reveal", "breach:write", "oversight:admin", "decision:review", "decision:reveal", "posture:write", "alerts:acknowledge", "webhooks:manage"]);
const EXPECTED: Record<Role, (p: Permission) => boolean> = {
  admin: () => true,
  compliance_officer: (p) => !["user:read", "user:manage", "apikey:read", "apikey:manage", "settings:manage", "metrics:read", "webhooks:manage"].includes(p),
  reviewer: (p) => ["account:self", "dashboard:read", "oversight:read", "decision:review", "decision:reveal"].includes(p),
  // Auditors read everything and change nothing.
  // Metrics are for the operators (admins): counts and timings of the system, not records.
  auditor: (p) => p === "account:self" || (!WRITE.has(p) && p !== "metrics:read"),
};

describe("permission table: every role x every permission", () => {
  const perms = Object.keys(PERMISSIONS) as Permission[];
  for (const role of ROLES) {
    for (const p of perms) {
      const allowed = EXPECTED[role](p);
      it(`${role} ${allowed ? "may" : "may not"} ${p}`, () => {
        expect(roleHas(role, p)).toBe(allowed);
      });
    }
  }

  it("denies by default: unknown permission, null or unknown role", () => {
    expect(roleHas("admin", "nope:nothing" as Permission)).toBe(false);
    expect(roleHas(null, "dashboard:read")).toBe(false);
    expect(roleHas("superuser" as Role, "dashboard:read")).toBe(false);
  });

  it("the auditor holds no write permission at all", () => {
    for (const p of WRITE) expect(roleHas("auditor", p)).toBe(false);
  });

  it("scopes grant only what they list", () => {
    expect(scopesGrant(["audit:read"], "audit:read")).toBe(true);
    expect(scopesGrant(["audit:read"], "user:manage")).toBe(false);
    expect(scopesGrant(["bogus"], "audit:read")).toBe(false);
    for (const [scope, grants] of Object.entries(SCOPES)) for (const g of grants) expect(perms).toContain(g), expect(scope).toMatch(/^[a-z-]+:[a-z]+$/);
  });
});

describe("scope implication", () => {
  it.each([
    [["inventory:write"], "inventory:read", true],
    [["incidents:write"], "incidents:read", true],
    [["inventory:read"], "inventory:write", false],
    [["consent:write"], "consent:read", false],
    [["decisions:write"], "decisions:read", false],
    [["audit:read"], "audit:read", true],
  ] as const)("%j satisfies %s: %s", (held, required, ok) => {
    expect(scopeSatisfied(held, required)).toBe(ok);
  });
});
