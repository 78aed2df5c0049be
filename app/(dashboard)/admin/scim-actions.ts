"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { runFormAction } from "@/lib/server/form-action";
import { mintScimToken, revokeScimToken } from "@/lib/server/scim/auth";
import { SCIM_TOKEN_FIELDS } from "./admin-fields";

// Thin: authenticate, hand the raw input to lib/server (permission + validation), map errors.
export async function createScimTokenAction(_: unknown, form: FormData): Promise<ActionResult<{ token: string }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const r = await runFormAction(() => mintScimToken(actor, form.get("name")), () => "SCIM token created. Copy it now: it is shown only once.", ["/admin"], { data: form, specs: SCIM_TOKEN_FIELDS, field: "name" });
  return { ...r, data: r.data ? { token: r.data.token } : undefined };
}

export async function revokeScimTokenAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  try {
    await revokeScimToken(actor, String(form.get("tokenId") ?? ""));
    revalidatePath("/admin");
    return { ok: true, message: "SCIM token revoked." };
  } catch (e) {
    return actionError(e);
  }
}
