"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { markReviewedAction } from "../actions";

export function ReviewForm({ kind, id }: { kind: "asset" | "activity"; id: string }) {
  const [state, action, pending] = useActionState(markReviewedAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <Field label="Review comment" error={state?.fieldErrors?.comment} hint="What you checked; it is kept with the review.">
        <textarea name="comment" required rows={2} maxLength={2000} className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600" />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>Mark reviewed</Button>
    </form>
  );
}
