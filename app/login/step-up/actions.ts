"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type ActionResult, unsafeForm } from "@/lib/action-result";
import { formError, formValues } from "@/lib/forms/form-result";
import { completeStepUp, pendingStepUp } from "@/lib/server/auth/step-up";
import { requestIp } from "@/lib/server/request-ip";
import { STEP_UP_FIELDS, STEP_UP_SECRETS } from "./step-up-fields";

export async function stepUpAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const pending = await pendingStepUp();
  if (!pending) redirect("/login");
  try {
    await completeStepUp(pending, form.get("code"), requestIp(await headers()));
  } catch (e) {
    // The code is never sent back; a refusal that names no field is shown under it.
    return formError(e, formValues(form, STEP_UP_SECRETS), STEP_UP_FIELDS, "code");
  }
  redirect("/");
}
