"use client";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm, FormStatus, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { SCIM_TOKEN_FIELDS } from "./admin-fields";
import { createScimTokenAction, revokeScimTokenAction } from "./scim-actions";

export function CreateScimTokenForm() {
  const form = useActionForm(createScimTokenAction, SCIM_TOKEN_FIELDS);
  const token = form.state?.ok ? form.state.data?.token : undefined;
  return (
    <ActionForm form={form} className="space-y-3">
      <h3 className="text-sm font-semibold">Create a SCIM token</h3>
      <TextField form={form} name="name" required placeholder="e.g. Okta provisioning" />
      <FormStatus form={form} />
      {token && <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="new-scim-token">{token}</p>}
      <SubmitButton pending={form.pending}>Create token</SubmitButton>
    </ActionForm>
  );
}

export function ScimTokenRevoke({ tokenId }: { tokenId: string }) {
  return (
    <ActionButton action={revokeScimTokenAction} fields={{ tokenId }} variant="danger" className="text-xs">
      Revoke
    </ActionButton>
  );
}
