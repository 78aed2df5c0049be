"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { SUBSCRIBABLE_EVENTS } from "@/lib/webhooks/events";
import { createWebhookAction, deleteWebhookAction, sendTestEventAction } from "./actions";

export function CreateWebhookForm() {
  const [state, action, pending] = useActionState(createWebhookAction, null);
  return (
    <form action={action} className="space-y-3">
      <Field label="Endpoint URL" error={state?.fieldErrors?.url} hint="https to a public address. Internal hosts only if the operator lists them in CALLBACK_ALLOWED_HOSTS.">
        <Input name="url" type="url" required placeholder="https://hooks.example.com/oversight" />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Events</legend>
        <div className="flex flex-wrap gap-3">
          {SUBSCRIBABLE_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-1 text-xs"><input type="checkbox" name="events" value={e} /> {e}</label>
          ))}
        </div>
        {state?.fieldErrors?.events && <p role="alert" className="mt-1 text-xs text-red-600">{state.fieldErrors.events}</p>}
      </fieldset>
      <FormMessage state={state} />
      {state?.ok && state.data && (
        <p className="break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-white" data-testid="new-webhook-secret" aria-label="Signing secret">{state.data.secret}</p>
      )}
      <Button type="submit" disabled={pending}>Add endpoint</Button>
    </form>
  );
}

export function WebhookCommands({ id }: { id: string }) {
  const [testState, testAction, testing] = useActionState(sendTestEventAction, null);
  const [delState, delAction, deleting] = useActionState(deleteWebhookAction, null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={testAction}>
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="secondary" disabled={testing} className="text-xs">Send test event</Button>
      </form>
      <form action={delAction} onSubmit={(e) => { if (!confirm("Remove this endpoint? Nothing more will be sent to it.")) e.preventDefault(); }}>
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="danger" disabled={deleting} className="text-xs">Delete</Button>
      </form>
      <FormMessage state={testState ?? delState} />
    </div>
  );
}
