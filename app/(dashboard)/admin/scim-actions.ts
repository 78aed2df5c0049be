"use server";
import { type ActionResult, unsafeForm } from "@/lib/action-result";
import { flashResult } from "@/lib/server/flash";
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
  // The revoked token leaves the list, and its button with it: the confirmation is also a flash.
  const r = await runFormAction(() => revokeScimToken(actor, String(form.get("tokenId") ?? "")), () => "SCIM token revoked: your identity provider can no longer provision with it. Create a new token and enter it there to keep provisioning.", ["/admin"], { data: form, specs: {} });
  return flashResult({ ok: r.ok, message: r.message, fieldErrors: r.fieldErrors, values: r.values });
}
