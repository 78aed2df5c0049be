"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { isAppError } from "@/lib/errors";
import { formError, formValues, refused, type FormValues } from "@/lib/forms/form-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { IMPORT_MAX_BYTES, importFramework } from "@/lib/server/posture/frameworks/oscal";
import { FRAMEWORK_IMPORT_FIELDS } from "./import-fields";

/**
 * formError with the form's labels, except for problems inside the file: they name their
 * place in the document (a JSON path, decision 523) and are shown as they are under the
 * file field, as is a catalogue-format issue, whose path points into the document too.
 */
function refusal(e: unknown, values: FormValues): ActionResult<never> {
  const r = formError(e, values, FRAMEWORK_IMPORT_FIELDS);
  const details = isAppError(e) && Array.isArray(e.details) ? (e.details as { path?: string; message?: string }[]) : [];
  const inFile = details.filter((d) => d.path && d.message && (d.path === "file" || !(d.path in FRAMEWORK_IMPORT_FIELDS)));
  if (inFile.length) r.fieldErrors = { ...r.fieldErrors, file: inFile.slice(0, 3).map((d) => (d.path === "file" ? d.message : `${d.path}: ${d.message}`)).join("; ") };
  return r;
}

// Upload of a framework someone else wrote (OSCAL catalog or profile, or catalogue JSON).
// A refusal sends back the typed id and chosen catalog, worded with the form's labels.
export async function importFrameworkAction(_: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const values = formValues(form);
  try {
    const actor = await requireActor();
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return refused(values, { file: "Choose the JSON file to import (an OSCAL catalog or profile, or a catalogue exported from here)." }, "Choose a file to import.");
    if (file.size > IMPORT_MAX_BYTES) return refused(values, { file: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` }, "The file is too large; nothing was imported.");
    const str = (k: string) => { const v = form.get(k); return typeof v === "string" && v.trim() ? v.trim() : undefined; };
    const r = await importFramework(actor, await file.text(), { id: str("id"), source: str("source") });
    revalidatePath("/posture", "layout");
    return { ok: true, message: `${r.created ? "Imported" : "Updated"} ${r.id}: ${r.requirements} requirements (${r.added} new). Map your controls to them on the framework's page under Posture → Frameworks.`, data: { id: r.id } };
  } catch (e) {
    return refusal(e, values);
  }
}
