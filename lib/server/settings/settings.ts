import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

// Known settings, their types and defaults. Unknown keys are refused.
export const SETTINGS = {
  // Admins and compliance officers must use TOTP. The demo seed turns this off so the
  // printed logins work; the app then shows a banner saying so.
  "security.mfaRequired": z.boolean().default(true),
  "org.timeZone": z.string().default("UTC"),
  "org.name": z.string().min(1).max(200).default("Demo Organisation"),
  // Anomaly alert thresholds (lib/alerts/rules.ts, docs/decisions/008).
  "alerts.failedSigninsPerAccount": z.number().int().min(2).max(10_000).default(10),
  "alerts.failedSigninsPerIp": z.number().int().min(2).max(10_000).default(20),
  "alerts.failedSigninsWindowMinutes": z.number().int().min(1).max(1440).default(15),
  "alerts.exportFactor": z.number().min(1).max(1000).default(5),
  "alerts.exportMinimum": z.number().int().min(1).max(100_000).default(20),
  "alerts.unusualHourMinHistory": z.number().int().min(1).max(100_000).default(20),
  "alerts.permissionDeniedPerActor": z.number().int().min(2).max(100_000).default(20),
  "alerts.permissionDeniedWindowMinutes": z.number().int().min(1).max(1440).default(5),
} as const;

export type SettingKey = keyof typeof SETTINGS;
type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]>;

/** Reads are not permission-checked: settings hold no personal data and the sign-in path needs them. */
export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await db().setting.findUnique({ where: { key } });
  const schema = SETTINGS[key];
  if (!row) return schema.parse(undefined) as SettingValue<K>;
  return schema.parse(JSON.parse(row.value)) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(actor: Actor, key: K, value: unknown) {
  await requirePermission(actor, "settings:manage", { type: "Setting", id: key });
  const parsed = SETTINGS[key].safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION", `Invalid value for ${key}: ${parsed.error.issues[0]?.message}`);
  const before = await getSetting(key);
  await db().$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key },
      create: { key, value: JSON.stringify(parsed.data) },
      update: { value: JSON.stringify(parsed.data) },
    });
    // The organisation profile is the zone's home (docs/decisions/330); the legacy key keeps working.
    if (key === "org.timeZone") await tx.organisationProfile.updateMany({ data: { timeZone: parsed.data as string } });
    await appendAudit(tx, actor, { action: "setting.update", entityType: "Setting", entityId: key, diff: { before, after: parsed.data } });
  });
}
