"use server";
import { revalidatePath } from "next/cache";
import { unsafeForm, type ActionResult } from "@/lib/action-result";
import { CHECK_FIELDS, formError, formValues } from "@/lib/forms/form-result";
import { DEFAULT_THRESHOLDS, type AlertThresholds } from "@/lib/alerts/rules";
import { AppError } from "@/lib/errors";
import { alertThresholds } from "@/lib/server/alerts/evaluate";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requirePermission } from "@/lib/server/authz";
import { setSetting, type SettingKey } from "@/lib/server/settings/settings";
import { ALERT_FIELDS } from "./admin-fields";

/** Saves the thresholds that changed; each change is one audited setting update. */
export async function setAlertThresholdsAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  try {
    const actor = await requireActor();
    // Permission first: an unchanged form writes no setting, so setSetting's own check would
    // never run and a non-admin would be told "Nothing changed." instead of being refused.
    await requirePermission(actor, "settings:manage", { type: "Setting" });
    const current = await alertThresholds();
    const next: Partial<AlertThresholds> = {};
    for (const name of Object.keys(DEFAULT_THRESHOLDS) as (keyof AlertThresholds)[]) {
      const text = String(form.get(name) ?? "").trim();
      const value = Number(text);
      if (!text || !Number.isFinite(value)) throw new AppError("VALIDATION", CHECK_FIELDS, [{ path: name, message: text ? "must be a number" : "is required" }]);
      if (value !== current[name]) next[name] = value;
    }
    for (const [name, value] of Object.entries(next)) await setSetting(actor, `alerts.${name}` as SettingKey, value);
    revalidatePath("/admin");
    return { ok: true, message: Object.keys(next).length ? `Saved ${Object.keys(next).length} threshold(s).` : "Nothing changed." };
  } catch (e) {
    return formError(e, formValues(form), ALERT_FIELDS);
  }
}
