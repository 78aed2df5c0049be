"use client";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm, CheckboxField, FormStatus, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { SCOPE_NAMES } from "@/lib/auth/permissions";
import { createOwnApiKeyAction } from "../account/actions";
import { createApiKeyAction, revokeApiKeyAction, setMfaRequiredAction } from "./actions";
import { API_KEY_FIELDS } from "./admin-fields";

/** `own`: the account page's form, for a key that acts for the signed-in person. */
export function CreateApiKeyForm({ own = false }: { own?: boolean }) {
  const form = useActionForm(own ? createOwnApiKeyAction : createApiKeyAction, API_KEY_FIELDS);
  const key = form.state?.ok ? form.state.data?.key : undefined;
  const scopes = form.list("scopes");
  return (
    <ActionForm form={form} className="space-y-3">
      <h3 className="text-sm font-semibold">Create a key</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField form={form} name="name" required placeholder="e.g. website consent banner" />
        {!own && <TextField form={form} name="userEmail" type="email" hint="Your own email only: a key that acts for someone else is created by them, under Account." />}
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{form.label("scopes")}</legend>
        <div className="flex flex-wrap gap-3">
          {SCOPE_NAMES.map((s) => (
            <label key={s} className="flex items-center gap-1 text-xs"><input type="checkbox" name="scopes" value={s} defaultChecked={scopes.includes(s)} aria-invalid={!!form.error("scopes") || undefined} /> {s}</label>
          ))}
        </div>
        {form.error("scopes") && <p role="alert" className="mt-1 text-xs text-red-600">{form.error("scopes")}</p>}
      </fieldset>
      <FormStatus form={form} />
      {key && <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="new-api-key">{key}</p>}
      <SubmitButton pending={form.pending}>Create key</SubmitButton>
    </ActionForm>
  );
}

export function ApiKeyRevoke({ keyId }: { keyId: string }) {
  return (
    <ActionButton action={revokeApiKeyAction} fields={{ keyId }} variant="danger" className="text-xs">
      Revoke
    </ActionButton>
  );
}

export function MfaSettingForm({ mfaRequired }: { mfaRequired: boolean }) {
  const form = useActionForm(setMfaRequiredAction);
  return (
    <ActionForm form={form} className="space-y-3">
      <CheckboxField form={form} name="mfaRequired" initial={mfaRequired}>Require MFA for admins and compliance officers</CheckboxField>
      <FormStatus form={form} />
      <SubmitButton pending={form.pending} variant="secondary">Save MFA setting</SubmitButton>
    </ActionForm>
  );
}
