"use client";
import { ActionForm, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { FormMessage, Input } from "@/components/ui/field";
import { acknowledgeAlertAction } from "./actions";
import { ACK_FIELDS } from "./ack-fields";

export function AckForm({ id }: { id: string }) {
  const form = useActionForm(acknowledgeAlertAction, ACK_FIELDS);
  const error = form.error("comment");
  return (
    <ActionForm form={form} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`ack-${id}`}>{form.label("comment")}</label>
      <div className="flex gap-2">
        <Input id={`ack-${id}`} name="comment" required minLength={3} maxLength={2000} placeholder="What was checked" defaultValue={form.value("comment")} invalid={!!error} aria-describedby={error ? `ack-${id}-error` : undefined} />
        <SubmitButton pending={form.pending}>Acknowledge</SubmitButton>
      </div>
      {error && <p id={`ack-${id}-error`} role="alert" className="text-xs text-red-600">{error}</p>}
      <FormMessage state={form.state} />
    </ActionForm>
  );
}
