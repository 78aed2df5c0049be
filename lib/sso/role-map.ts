// Pure: the identity provider's groups → one of our roles, and whether the IdP's `amr`
// claim asserts a second factor. Shared by OIDC sign-in and SCIM group membership, so a
// person gets the same role whichever way they arrive (docs/decisions/620).
import { ROLES, isRole, type Role } from "@/lib/auth/permissions";

export type RoleMap = ReadonlyArray<{ group: string; role: Role }>;

/** Parses "group=role,group=role"; throws with a sentence naming the bad entry. */
export function parseRoleMap(spec: string): RoleMap {
  const out: { group: string; role: Role }[] = [];
  for (const raw of spec.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const eq = entry.lastIndexOf("=");
    const group = eq > 0 ? entry.slice(0, eq).trim() : "";
    const role = eq > 0 ? entry.slice(eq + 1).trim() : "";
    if (!group) throw new Error(`entry "${entry}" must be group=role`);
    if (!isRole(role)) throw new Error(`entry "${entry}": role must be one of ${ROLES.join(", ")}`);
    out.push({ group, role });
  }
  return out;
}

// Several matching groups give the most privileged role: ROLES is ordered admin first.
const RANK = new Map<Role, number>(ROLES.map((r, i) => [r, i]));

/** The role the groups map to, or null when no group is mapped (the person is refused). */
export function roleForGroups(map: RoleMap, groups: readonly string[]): Role | null {
  const have = new Set(groups);
  let best: Role | null = null;
  for (const { group, role } of map) {
    if (!have.has(group)) continue;
    if (best === null || RANK.get(role)! < RANK.get(best)!) best = role;
  }
  return best;
}

/** Reads a groups claim that may be an array, a single string or missing. */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string" && value) return [value];
  return [];
}

// RFC 8176 method references that mean more than one factor (or a hardware-bound key).
const MFA_AMR = new Set(["mfa", "otp", "hwk", "swk", "sc", "fpt", "face", "iris", "retina", "vbm", "pin"]);

/** Whether the `amr` claim asserts a second factor. `pwd` alone does not. */
export function amrAssertsMfa(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  return amr.some((v) => typeof v === "string" && MFA_AMR.has(v.toLowerCase()));
}
