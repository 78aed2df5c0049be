import "server-only";
// The one body of every area's archive/restore server action: the form carries `id` and
// `intent` (archive | restore) from components/lifecycle/archive-controls.tsx.
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import type { Actor } from "@/lib/server/actor";
import { requireActor } from "@/lib/server/auth/current-actor";
import type { ArchiveState } from "@/lib/server/lifecycle/archive";

type Change = (actor: Actor, id: unknown) => Promise<ArchiveState>;

export async function archiveFormAction(form: FormData, fns: { archive: Change; restore: Change }, revalidate: string, what: { archived: string; restored: string }): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const restore = form.get("intent") === "restore";
  try {
    await (restore ? fns.restore : fns.archive)(actor, form.get("id"));
  } catch (e) {
    return actionError(e);
  }
  revalidatePath(revalidate, "layout");
  // What to do next: the same page offers the way back.
  return { ok: true, message: restore ? what.restored : `${what.archived} Restore brings it back.` };
}
