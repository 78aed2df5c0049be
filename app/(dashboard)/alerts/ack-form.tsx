"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Input } from "@/components/ui/field";
import { acknowledgeAlertAction } from "./actions";

export function AckForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(acknowledgeAlertAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`ack-${id}`}>Comment for acknowledging this alert</label>
      <div className="flex gap-2">
        <Input id={`ack-${id}`} name="comment" required minLength={3} maxLength={2000} placeholder="What was checked" />
        <Button type="submit" disabled={pending}>Acknowledge</Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
