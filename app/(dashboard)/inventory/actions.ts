"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { flash } from "@/lib/server/flash";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { activityFromForm, assetFromForm, versionFromForm } from "@/lib/inventory/form-data";
import { requireActor } from "@/lib/server/auth/current-actor";
import { formError, formValues } from "@/lib/forms/form-result";
import { FORM_TOKEN_FIELD } from "@/lib/forms/form-token-field";
import { formatInZone } from "@/lib/time/format";
import { requestTimeZone } from "@/lib/server/time/org-zone";
import { ACTIVITY_FIELDS, ASSET_FIELDS, REVIEW_FIELDS } from "./_components/inventory-fields";
import { createActivityOnce, updateActivity } from "@/lib/server/inventory/activities";
import { createAssetOnce, updateAsset } from "@/lib/server/inventory/assets";
import { commitImport, previewImport, type ImportPreview } from "@/lib/server/inventory/import";
import { archiveActivity, archiveAsset, restoreActivity, restoreAsset } from "@/lib/server/inventory/lifecycle";
import { archiveFormAction } from "@/lib/server/lifecycle/archive-action";
import { markReviewed } from "@/lib/server/inventory/reviews";

// Each action: authenticate, hand the form's values to ONE lib/server function (which
// checks permission and validates), map errors. No business logic here.

export async function saveAssetAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const id = String(form.get("id") ?? "");
  let savedId: string;
  try {
    const input = assetFromForm(form);
    savedId = id ? (await updateAsset(actor, id, { ...input, version: versionFromForm(form) })).id : (await createAssetOnce(actor, input, form.get(FORM_TOKEN_FIELD))).id;
  } catch (e) {
    return formError(e, formValues(form), ASSET_FIELDS);
  }
  revalidatePath("/inventory");
  await flash("Asset saved.");
  redirect(`/inventory/assets/${savedId}?saved=1`);
}

export async function saveActivityAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const id = String(form.get("id") ?? "");
  let savedId: string;
  try {
    const input = activityFromForm(form);
    savedId = id ? (await updateActivity(actor, id, { ...input, version: versionFromForm(form) })).id : (await createActivityOnce(actor, input, form.get(FORM_TOKEN_FIELD))).id;
  } catch (e) {
    return formError(e, formValues(form), ACTIVITY_FIELDS);
  }
  revalidatePath("/inventory");
  await flash("Processing activity saved.");
  redirect(`/inventory/activities/${savedId}?saved=1`);
}

export async function markReviewedAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const kind = form.get("kind") === "activity" ? "activity" : "asset";
  const id = String(form.get("id") ?? "");
  try {
    const r = await markReviewed(actor, kind, id, { comment: form.get("comment") });
    revalidatePath(`/inventory/${kind === "asset" ? "assets" : "activities"}/${id}`);
    return { ok: true, message: `Marked reviewed. Next review due ${formatInZone(r.nextReviewAt, await requestTimeZone(), "date")}.` };
  } catch (e) {
    return formError(e, formValues(form), REVIEW_FIELDS);
  }
}

export async function archiveRecordAction(_: unknown, form: FormData): Promise<ActionResult> {
  const asset = form.get("kind") !== "activity";
  return archiveFormAction(form, asset ? { archive: archiveAsset, restore: restoreAsset } : { archive: archiveActivity, restore: restoreActivity }, "/inventory", {
    archived: "Archived: the record is out of lists and findings; its history is kept.",
    restored: "Restored: the record is back in lists and findings.",
  });
}

export async function importAction(_: unknown, form: FormData): Promise<ActionResult<{ preview?: ImportPreview; imported?: number; csv?: string; fileName?: string }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const kind = form.get("kind");
  // The form sends the chosen file; Import sends back the previewed text (hidden `csv`), so
  // what is committed is what was previewed. The API-style text field works as before.
  const file = form.get("file");
  const upload = file instanceof File && file.size > 0 ? file : null;
  const text = upload ? await upload.text() : form.get("csv");
  const fileName = upload ? upload.name : typeof form.get("fileName") === "string" ? String(form.get("fileName")) : undefined;
  try {
    if (form.get("intent") === "commit") {
      const r = await commitImport(actor, kind, text);
      revalidatePath("/inventory");
      const where = kind === "activities" ? "Processing activities" : "Systems / assets";
      const message = r.imported ? `Imported: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged. Find them under Inventory → ${where}.` : "Nothing to import: every row matches the register already.";
      return { ok: true, message, data: { imported: r.imported } };
    }
    const preview = await previewImport(actor, kind, text);
    const message = preview.fileErrors.length
      ? preview.fileErrors.join(" ")
      : preview.invalid
        ? `${preview.invalid} of ${preview.rows.length} rows have errors. Fix them and preview again; nothing is imported while any row is invalid.`
        : preview.counts.create + preview.counts.update === 0
          ? `All ${preview.rows.length} rows match the register already; importing would change nothing.`
          : `All ${preview.rows.length} rows are valid: ${preview.counts.create} to create, ${preview.counts.update} to update, ${preview.counts.unchanged} unchanged. Import to commit.`;
    const ok = preview.invalid === 0 && preview.fileErrors.length === 0;
    // The previewed text goes back with the answer only when it can be imported as it is.
    return { ok, message, data: { preview, ...(ok && typeof text === "string" ? { csv: text, fileName } : {}) } };
  } catch (e) {
    const r = actionError(e);
    // A refused commit carries the per-row preview in its details.
    const details = (e as { details?: unknown }).details;
    if (details && typeof details === "object" && "rows" in details) return { ...r, data: { preview: details as ImportPreview } };
    return r;
  }
}
