"use client";
// The framework import on the one form pattern (docs/decisions/012): the form posts the
// server action itself, with the file (so it works without JavaScript); a refusal keeps the
// typed id and the chosen catalog and names what is wrong in the file under its field.
import { ActionForm, FormStatus, SelectField, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { Field, Input } from "@/components/ui/field";
import { importFrameworkAction } from "./actions";
import { FRAMEWORK_IMPORT_FIELDS } from "./import-fields";

export function ImportFrameworkForm({ frameworks }: { frameworks: { id: string; title: string }[] }) {
  const form = useActionForm(importFrameworkAction, FRAMEWORK_IMPORT_FIELDS);
  const fileError = form.error("file");
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Import a framework">
      {/* A file input cannot be refilled by the page: after a refusal the file is chosen again. */}
      <Field label={form.label("file")} error={fileError}>
        <Input type="file" name="file" accept="application/json,.json" required invalid={!!fileError} />
      </Field>
      <TextField form={form} name="id" maxLength={64} hint="lower-case letters, digits, '.' and '-'; defaults to the title" />
      <SelectField form={form} name="source" initial="" options={[{ value: "", label: "—" }, ...frameworks.map((f) => ({ value: f.id, label: `${f.title} (${f.id})` }))]} />
      <SubmitButton pending={form.pending}>Import</SubmitButton>
      <FormStatus form={form} />
    </ActionForm>
  );
}
