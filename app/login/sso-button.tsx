"use client";
// "Sign in with <name>": shown only when single sign-on is configured (the page decides).
import { useState } from "react";
import { signIn } from "next-auth/react";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { Button } from "@/components/ui/button";

export function SsoButton({ providerId, name, next }: { providerId: string; name: string; next: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-4 space-y-3">
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn(providerId, { callbackUrl: safeCallbackPath(next) });
        }}
      >
        Sign in with {name}
      </Button>
    </div>
  );
}
