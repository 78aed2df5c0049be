"use server";
import { type ActionResult, unsafeForm } from "@/lib/action-result";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/server/api-keys/manage-api-keys";
import { requireActor } from "@/lib/server/auth/current-actor";
import { flashResult } from "@/lib/server/flash";
import { runFormAction, type FormOf } from "@/lib/server/form-action";
import { setSetting } from "@/lib/server/settings/settings";
import { createUser } from "@/lib/server/users/create-user";
import { changeUserRole, resetUserMfa, setUserDisabled, unlockUser } from "@/lib/server/users/manage-user";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { API_KEY_FIELDS, SECRET_FIELDS, USER_FIELDS } from "./admin-fields";

// Each action: authenticate, hand the raw input to one lib/server function (which checks
// permission and validates), map errors; forms with typed fields get them back, worded with
// their labels (decision 012). No business logic here.
const run = <T>(fn: () => Promise<T>, message: (r: T) => string, form?: FormOf) => runFormAction(fn, message, ["/admin"], form);

export async function createUserAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  return run(
    () => createUser(actor, { email: form.get("email"), name: form.get("name"), role: form.get("role"), password: form.get("password") }),
    (u) => `Created ${u.email}. Give them the password through a separate channel; they can change it under Account.`,
    { data: form, specs: USER_FIELDS, omit: SECRET_FIELDS },
  );
}

export async function userCommandAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const userId = String(form.get("userId") ?? "");
  const words: FormOf = { data: form, specs: USER_FIELDS };
  // A command's button may leave the row (Reset MFA, Unlock): the confirmation is also a flash.
  switch (form.get("command")) {
    case "role":
      return flashResult(await run(() => changeUserRole(actor, userId, form.get("role")), (u) => `${u.email} is now ${ROLE_LABELS[u.role as Role] ?? u.role}; their sessions were ended, so they sign in again with the new role.`, words));
    case "disable":
      return flashResult(await run(() => setUserDisabled(actor, userId, true), (u) => `${u.email} is disabled and signed out everywhere. Enable them here to let them back in.`, words));
    case "enable":
      return flashResult(await run(() => setUserDisabled(actor, userId, false), (u) => `${u.email} is enabled and can sign in again.`, words));
    case "reset-mfa":
      return flashResult(await run(() => resetUserMfa(actor, userId), (u) => `MFA reset for ${u.email}; they set up their authenticator again at their next sign-in.`, words));
    case "unlock":
      return flashResult(await run(() => unlockUser(actor, userId), (u) => `${u.email} is unlocked and can try to sign in again now.`, words));
    default:
      return { ok: false, message: "Choose one of the buttons next to the person: Set role, Disable or Enable, Reset MFA or Unlock." } satisfies ActionResult;
  }
}

export async function createApiKeyAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const userEmail = String(form.get("userEmail") ?? "").trim();
  return run(
    () => createApiKey(actor, { name: form.get("name"), scopes: form.getAll("scopes").map(String), ...(userEmail ? { userEmail } : {}) }),
    () => "Key created. Copy it now: it is shown only once.",
    { data: form, specs: API_KEY_FIELDS },
  );
}

export async function revokeApiKeyAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  // The revoked key leaves the list, and its button with it: the confirmation is also a flash.
  return flashResult(await run(() => revokeApiKey(actor, String(form.get("keyId") ?? "")), () => "Key revoked: requests made with it are refused from now on. Create a new key for any integration that still needs access.", { data: form, specs: {} }));
}

export async function setMfaRequiredAction(_: unknown, form: FormData) {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const on = form.get("mfaRequired") === "on";
  return run(() => setSetting(actor, "security.mfaRequired", on), () => (on ? "MFA is now required for admins and compliance officers." : "MFA enforcement is off."), { data: form, specs: {} });
}
