import "server-only";
// Our rows as SCIM resources (RFC 7643 §4.1 User, §4.2 Group), with meta.location.
import { URN } from "@/lib/scim/protocol";

type UserRow = { id: string; email: string; name: string; disabledAt: Date | null; createdAt: Date; updatedAt: Date; version: number };
type GroupRow = { id: string; displayName: string; externalId: string | null; createdAt: Date; updatedAt: Date; version: number };

export function scimUser(base: string, u: UserRow, extra: { externalId?: string | null; groups?: { id: string; displayName: string }[] } = {}) {
  return {
    schemas: [URN.user],
    id: u.id,
    ...(extra.externalId ? { externalId: extra.externalId } : {}),
    userName: u.email,
    name: { formatted: u.name },
    displayName: u.name,
    emails: [{ value: u.email, primary: true, type: "work" }],
    active: !u.disabledAt,
    groups: (extra.groups ?? []).map((g) => ({ value: g.id, display: g.displayName, $ref: `${base}/scim/v2/Groups/${g.id}` })),
    meta: { resourceType: "User", created: u.createdAt.toISOString(), lastModified: u.updatedAt.toISOString(), location: `${base}/scim/v2/Users/${u.id}`, version: `W/"${u.version}"` },
  };
}

export function scimGroup(base: string, g: GroupRow, members: { id: string; email: string }[]) {
  return {
    schemas: [URN.group],
    id: g.id,
    displayName: g.displayName,
    ...(g.externalId ? { externalId: g.externalId } : {}),
    members: members.map((m) => ({ value: m.id, display: m.email, $ref: `${base}/scim/v2/Users/${m.id}` })),
    meta: { resourceType: "Group", created: g.createdAt.toISOString(), lastModified: g.updatedAt.toISOString(), location: `${base}/scim/v2/Groups/${g.id}`, version: `W/"${g.version}"` },
  };
}
