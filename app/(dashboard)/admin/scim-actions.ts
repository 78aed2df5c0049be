"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { mintScimToken, revokeScimToken } from "@/lib/server/scim/auth";

// Thin: authenticate, hand the raw input to lib/server (permission + validation), map errors.
export async function createScimTokenAction(_: unknown, form: FormData): Promise<ActionResult<{ token: string }>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  try {
    const t = await mintScimToken(actor, form.get("name"));
    revalidatePath("/admin");
    return { ok: true, message: "SCIM token created. Copy it now: it is shown only once.", data: { token: t.token } };
  } catch (e) {
    return actionError(e);
  }
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
