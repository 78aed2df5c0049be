"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { IMPORT_MAX_BYTES, importFramework } from "@/lib/server/posture/frameworks/oscal";

// Upload of a framework someone else wrote (OSCAL catalog or profile, or catalogue JSON).
export async function importFrameworkAction(_: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const actor = await requireActor();
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a JSON file.", fieldErrors: { file: "choose a file" } };
    if (file.size > IMPORT_MAX_BYTES) return { ok: false, message: "The file is larger than 5 MB.", fieldErrors: { file: "too large" } };
    const str = (k: string) => { const v = form.get(k); return typeof v === "string" && v.trim() ? v.trim() : undefined; };
    const r = await importFramework(actor, await file.text(), { id: str("id"), source: str("source") });
    revalidatePath("/posture", "layout");
    return { ok: true, message: `${r.created ? "Imported" : "Updated"} ${r.id}: ${r.requirements} requirements (${r.added} new).`, data: { id: r.id } };
  } catch (e) {
    return actionError(e);
  }
}
