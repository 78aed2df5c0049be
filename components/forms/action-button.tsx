"use client";
// One-button forms on the one form pattern (docs/decisions/012 and 016): archive, restore,
// revoke, delete, unlock, unmap. The form posts the server action itself, so the button
// works without JavaScript; with it, the button is busy and disabled while the call runs,
// a second press is dropped, a success is a toast and a refusal stays next to the button.
import type { ReactNode } from "react";
import { FormMessage } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { ActionForm, SubmitButton, useActionForm } from "./action-form";

type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A refusal of a form without visible fields: the field errors name hidden values (an id,
 * a command), so they are the message itself rather than "Check the highlighted fields".
 */
export function buttonRefusal<T>(state: ActionResult<T> | null): ActionResult<T> | null {
  if (!state || state.ok) return state;
  const named = Object.values(state.fieldErrors ?? {});
  return named.length ? { ...state, message: named.join(" ") } : state;
}

export function ActionButton<T>({ action, fields, children, variant, className, formClassName, confirm, label, onResult }: {
  action: Action<T>;
  /** The hidden inputs the action reads (`id`, `intent`, `command`…). */
  fields: Readonly<Record<string, string>>;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
  formClassName?: string;
  /** Asked before sending a change that cannot be undone from the page; Cancel sends nothing. */
  confirm?: string;
  /** The button's accessible name when its text alone is ambiguous ("unmap" in a list). */
  label?: string;
  /** What the page shows with the result besides the message (a new URL, a key). */
  onResult?: (state: ActionResult<T> | null) => ReactNode;
}) {
  const form = useActionForm(action);
  return (
    <ActionForm
      form={form}
      className={formClassName ?? "inline-flex flex-col items-start gap-1"}
      onSubmit={confirm ? (e) => { if (!window.confirm(confirm)) e.preventDefault(); } : undefined}
    >
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <SubmitButton pending={form.pending} variant={variant} className={className} label={label}>{children}</SubmitButton>
      <FormMessage state={buttonRefusal(form.state)} />
      {onResult?.(form.state)}
    </ActionForm>
  );
}
