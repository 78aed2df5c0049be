"use client";
import { ActionForm, FormStatus, SubmitButton, TextAreaField, useActionForm } from "@/components/forms/action-form";
import { markReviewedAction } from "../actions";
import { REVIEW_FIELDS } from "./inventory-fields";

export function ReviewForm({ kind, id }: { kind: "asset" | "activity"; id: string }) {
  const form = useActionForm(markReviewedAction, REVIEW_FIELDS);
  return (
    <ActionForm form={form} className="space-y-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <TextAreaField form={form} name="comment" required rows={2} maxLength={2000} hint="What you checked; it is kept with the review." />
      <FormStatus form={form} />
      <SubmitButton pending={form.pending} variant="secondary">Mark reviewed</SubmitButton>
    </ActionForm>
  );
}
