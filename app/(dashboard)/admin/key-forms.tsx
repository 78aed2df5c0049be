"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { SCOPE_NAMES } from "@/lib/auth/permissions";
import { createOwnApiKeyAction } from "../account/actions";
import { createApiKeyAction, revokeApiKeyAction, setMfaRequiredAction } from "./actions";

/** `own`: the account page's form, for a key that acts for the signed-in person. */
export function CreateApiKeyForm({ own = false }: { own?: boolean }) {
  const [state, action, pending] = useActionState(own ? createOwnApiKeyAction : createApiKeyAction, null);
  return (
    <form action={action} className="space-y-3">
      <h3 className="text-sm font-semibold">Create a key</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" error={state?.fieldErrors?.name}><Input name="name" required placeholder="e.g. website consent banner" /></Field>
        {!own && <Field label="Acts as you (optional)" error={state?.fieldErrors?.userEmail} hint="Your own email only: a key that acts for someone else is created by them, under Account."><Input name="userEmail" type="email" /></Field>}
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        <div className="flex flex-wrap gap-3">
          {SCOPE_NAMES.map((s) => (
            <label key={s} className="flex items-center gap-1 text-xs"><input type="checkbox" name="scopes" value={s} /> {s}</label>
          ))}
        </div>
        {state?.fieldErrors?.scopes && <p role="alert" className="mt-1 text-xs text-red-600">{state.fieldErrors.scopes}</p>}
      </fieldset>
      <FormMessage state={state} />
      {state?.ok && state.data && (
        <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="new-api-key">{state.data.key}</p>
      )}
      <Button type="submit" disabled={pending}>Create key</Button>
    </form>
  );
}

export function ApiKeyRevoke({ keyId }: { keyId: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="keyId" value={keyId} />
      <Button type="submit" variant="danger" disabled={pending} className="text-xs">Revoke</Button>
      {state && !state.ok && <p role="alert" className="text-xs text-red-600">{state.message}</p>}
    </form>
  );
}

export function MfaSettingForm({ mfaRequired }: { mfaRequired: boolean }) {
  const [state, action, pending] = useActionState(setMfaRequiredAction, null);
  return (
    <form action={action} className="space-y-3">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="mfaRequired" defaultChecked={mfaRequired} />
        Require MFA for admins and compliance officers
      </label>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>Save MFA setting</Button>
    </form>
  );
}
