import "server-only";
// Who gets which email: active users of the given roles, less those who turned the kind off.
import type { Role } from "@/lib/auth/permissions";
import { isNotificationKind, type NotificationKind } from "@/lib/notifications/kinds";
import type { Tx } from "@/lib/server/db";

export type Recipient = { userId: string; email: string; name: string };

export async function usersWithRoles(tx: Tx, roles: readonly string[]): Promise<Recipient[]> {
  const rows = await tx.user.findMany({ where: { role: { in: [...roles] }, disabledAt: null }, select: { id: true, email: true, name: true }, orderBy: { id: "asc" } });
  return rows.map((u) => ({ userId: u.id, email: u.email, name: u.name }));
}

export const OFFICERS: readonly Role[] = ["admin", "compliance_officer"];

export type Preferences = { disabled: NotificationKind[]; digest: boolean };

export function parseDisabled(json: string): NotificationKind[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter(isNotificationKind) : [];
  } catch {
    return [];
  }
}

export async function preferencesOf(tx: Tx, userIds: string[]): Promise<Map<string, Preferences>> {
  const rows = await tx.notificationPreference.findMany({ where: { userId: { in: userIds } } });
  const map = new Map<string, Preferences>();
  for (const id of userIds) map.set(id, { disabled: [], digest: true });
  for (const r of rows) map.set(r.userId, { disabled: parseDisabled(r.disabled), digest: r.digest });
  return map;
}

/** The recipients who want `kind`. */
export async function wanting(tx: Tx, recipients: Recipient[], kind: NotificationKind): Promise<Recipient[]> {
  const prefs = await preferencesOf(tx, recipients.map((r) => r.userId));
  return recipients.filter((r) => !prefs.get(r.userId)?.disabled.includes(kind));
}
