"use client";
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm, FormStatus, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { SUBSCRIBABLE_EVENTS } from "@/lib/webhooks/events";
import { WEBHOOK_FIELDS } from "../admin-fields";
import { createWebhookAction, deleteWebhookAction, sendTestEventAction } from "./actions";

export function CreateWebhookForm() {
  const form = useActionForm(createWebhookAction, WEBHOOK_FIELDS);
  const secret = form.state?.ok ? form.state.data?.secret : undefined;
  const events = form.list("events");
  return (
    <ActionForm form={form} className="space-y-3">
      <TextField form={form} name="url" type="url" required placeholder="https://hooks.example.com/oversight" hint="https to a public address. Internal hosts only if the operator lists them in CALLBACK_ALLOWED_HOSTS." />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{form.label("events")}</legend>
        <div className="flex flex-wrap gap-3">
          {SUBSCRIBABLE_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-1 text-xs"><input type="checkbox" name="events" value={e} defaultChecked={events.includes(e)} aria-invalid={!!form.error("events") || undefined} /> {e}</label>
          ))}
        </div>
        {form.error("events") && <p role="alert" className="mt-1 text-xs text-red-600">{form.error("events")}</p>}
      </fieldset>
      <FormStatus form={form} />
      {secret && <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="new-webhook-secret" aria-label="Signing secret">{secret}</p>}
      <SubmitButton pending={form.pending}>Add endpoint</SubmitButton>
    </ActionForm>
  );
}

export function WebhookCommands({ id }: { id: string }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionButton action={sendTestEventAction} fields={{ id }} variant="secondary" className="text-xs">Send test event</ActionButton>
      <ActionButton action={deleteWebhookAction} fields={{ id }} variant="danger" className="text-xs" confirm="Remove this endpoint? Nothing more will be sent to it.">Delete</ActionButton>
    </div>
  );
}
