"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { importFrameworkAction } from "./actions";

export function ImportFrameworkForm({ frameworks }: { frameworks: { id: string; title: string }[] }) {
  const [state, action, pending] = useActionState(importFrameworkAction, null);
  return (
    <form action={action} className="space-y-3" aria-label="Import a framework">
      <Field label="File (OSCAL catalog or profile JSON, or catalogue JSON; up to 5 MB)" error={state?.fieldErrors?.file}>
        <Input type="file" name="file" accept="application/json,.json" required />
      </Field>
      <Field label="Framework id (optional)" hint="lower-case letters, digits, '.' and '-'; defaults to the title" error={state?.fieldErrors?.id}>
        <Input name="id" maxLength={64} />
      </Field>
      <Field label="For a profile: the imported catalog it selects from" error={state?.fieldErrors?.source}>
        <select name="source" className="block w-full rounded-md px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300" defaultValue="">
          <option value="">—</option>
          {frameworks.map((f) => <option key={f.id} value={f.id}>{f.title} ({f.id})</option>)}
        </select>
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Importing…" : "Import"}</Button>
      <FormMessage state={state} />
    </form>
  );
}
