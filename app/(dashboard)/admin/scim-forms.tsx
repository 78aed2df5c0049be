"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { createScimTokenAction, revokeScimTokenAction } from "./scim-actions";

export function CreateScimTokenForm() {
  const [state, action, pending] = useActionState(createScimTokenAction, null);
  return (
    <form action={action} className="space-y-3">
      <h3 className="text-sm font-semibold">Create a SCIM token</h3>
      <Field label="Token name" error={state?.fieldErrors?.name}><Input name="name" required placeholder="e.g. Okta provisioning" /></Field>
      <FormMessage state={state} />
      {state?.ok && state.data && <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="new-scim-token">{state.data.token}</p>}
      <Button type="submit" disabled={pending}>Create token</Button>
    </form>
  );
}

export function ScimTokenRevoke({ tokenId }: { tokenId: string }) {
  const [state, action, pending] = useActionState(revokeScimTokenAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" disabled={pending} className="text-xs">Revoke</Button>
      {state && !state.ok && <p role="alert" className="text-xs text-red-600">{state.message}</p>}
    </form>
  );
}
