"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { verifyChainAction } from "./actions";

export function VerifyButton() {
  const [state, action, pending] = useActionState(verifyChainAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Verifying…" : "Verify the chain"}</Button>
      <FormMessage state={state} />
    </form>
  );
}
