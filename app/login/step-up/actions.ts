"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { completeStepUp, pendingStepUp } from "@/lib/server/auth/step-up";
import { requestIp } from "@/lib/server/request-ip";

export async function stepUpAction(_: unknown, form: FormData): Promise<ActionResult> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const pending = await pendingStepUp();
  if (!pending) redirect("/login");
  try {
    await completeStepUp(pending, form.get("code"), requestIp(await headers()));
  } catch (e) {
    return actionError(e);
  }
  redirect("/");
}
