"use client";
// The client half of the one form pattern (docs/decisions/012-one-form-pattern.md).
// React 19 resets a <form> after its action runs, so anything typed would be lost on a
// refusal; the action sends the values back (lib/forms/form-result.ts) and the form is
// re-mounted with them as defaults. Field errors sit next to their field, the submit
// button shows it is busy and is disabled, and a second submit while busy is dropped.
import { useActionState, useEffect, useRef, useState, type FormHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import type { FieldSpec, FieldSpecs } from "@/lib/forms/issue-words";

type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export type ActionFormState<T> = ReturnType<typeof useActionForm<T>>;

export function useActionForm<T>(action: Action<T>, fields: FieldSpecs = {}) {
  // The server action itself, not a client wrapper: only a server reference can be posted
  // without JavaScript. A 413 (over the body limit) therefore reaches the error page,
  // which shows its words (app/(dashboard)/error.tsx).
  const [state, formAction, pending] = useActionState(action, null);
  // A new result re-mounts the form ("adjusting state while rendering", not an effect) so
  // every defaultValue, select and checkbox takes the returned values, not the first ones.
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setGeneration(generation + 1);
  }
  const refusedValues = state && !state.ok ? state.values : undefined;
  const spec = (name: string): FieldSpec | undefined => {
    const s = fields[name];
    return typeof s === "string" ? { label: s } : s;
  };
  return {
    state,
    pending,
    action: formAction,
    key: generation,
    label: (name: string) => spec(name)?.label ?? name,
    /** The field's error, or the first of its items' ("locations.2" counts for "locations"): the message names the item. */
    error: (name: string) => {
      const errs = state?.fieldErrors;
      if (!errs) return undefined;
      return errs[name] ?? Object.entries(errs).find(([k]) => k.startsWith(`${name}.`))?.[1];
    },
    /** The value to show: what was submitted if the server refused it, else `initial`. */
    value: (name: string, initial?: string | number | null) => refusedValues?.[name] ?? (initial === null || initial === undefined ? undefined : String(initial)),
    /** A checkbox's state: ticked boxes are sent as a value, unticked ones are absent. */
    checked: (name: string, initial = false) => (refusedValues ? name in refusedValues : initial),
    /** A group of same-named checkboxes: the ticked values submitted (formValues joins them with newlines), else `initial`. */
    list: (name: string, initial: readonly string[] = []): readonly string[] => (refusedValues ? (refusedValues[name]?.split("\n") ?? []) : initial),
  };
}

/** The <form> of the pattern: server-side messages only (noValidate), one submit at a time. */
export function ActionForm<T>({ form, children, ...props }: { form: ActionFormState<T>; children: ReactNode } & Omit<FormHTMLAttributes<HTMLFormElement>, "action">) {
  const ref = useRef<HTMLFormElement>(null);
  // The re-mount loses focus; after a refusal, put it on the first field marked invalid.
  useEffect(() => {
    if (form.state && !form.state.ok) ref.current?.querySelector<HTMLElement>(":is(input, select, textarea)[aria-invalid=true]")?.focus();
  }, [form.state]);
  return (
    <form
      {...props}
      ref={ref}
      key={form.key}
      action={form.action}
      // The server checks with the API's zod schema and answers in words; the browser's own
      // bubbles ("Please match the requested format") would say less and differ per browser.
      noValidate
      aria-busy={form.pending || undefined}
      onSubmit={(e) => {
        if (form.pending) {
          e.preventDefault();
          return;
        }
        props.onSubmit?.(e);
      }}
    >
      {children}
    </form>
  );
}

/** `name`/`value` tell the action which of a form's buttons was pressed; `label` names it when its text is ambiguous in a list. */
export function SubmitButton({ pending, children, variant, className, disabled, name, value, label }: { pending: boolean; children: ReactNode; variant?: "primary" | "secondary" | "danger" | "ghost"; className?: string; disabled?: boolean; name?: string; value?: string; label?: string }) {
  return (
    <Button type="submit" variant={variant} className={className} disabled={pending || disabled} aria-busy={pending || undefined} name={name} value={value} aria-label={label}>
      {children}
      {pending && <span aria-hidden="true">…</span>}
    </Button>
  );
}

export function FormStatus<T>({ form }: { form: ActionFormState<T> }) {
  return <FormMessage state={form.state} />;
}

type Common<T> = { form: ActionFormState<T>; name: string; hint?: ReactNode; initial?: string | number | null };

export function TextField<T>({ form, name, hint, initial, ...props }: Common<T> & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue" | "form">) {
  const error = form.error(name);
  return (
    <Field label={form.label(name)} error={error} hint={hint}>
      <Input {...props} name={name} defaultValue={form.value(name, initial)} invalid={!!error} />
    </Field>
  );
}

const TEXTAREA = "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500";

export function TextAreaField<T>({ form, name, hint, initial, ...props }: Common<T> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue" | "form">) {
  const error = form.error(name);
  return (
    <Field label={form.label(name)} error={error} hint={hint}>
      <textarea {...props} name={name} defaultValue={form.value(name, initial)} aria-invalid={!!error || undefined} className={`${TEXTAREA} ${props.className ?? ""}`} />
    </Field>
  );
}

export function SelectField<T>({ form, name, hint, initial, options, ...props }: Common<T> & { options: readonly { value: string; label: string }[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "defaultValue" | "form">) {
  const error = form.error(name);
  return (
    <Field label={form.label(name)} error={error} hint={hint}>
      <Select {...props} name={name} defaultValue={form.value(name, initial)} invalid={!!error}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
    </Field>
  );
}

export function CheckboxField<T>({ form, name, initial, children }: { form: ActionFormState<T>; name: string; initial?: boolean; children: ReactNode }) {
  const error = form.error(name);
  return (
    <div>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name={name} defaultChecked={form.checked(name, initial)} aria-invalid={!!error || undefined} /> {children}</label>
      {error && <span role="alert" className="mt-1 block text-xs text-red-600">{error}</span>}
    </div>
  );
}
