"use client";
// "Sign in with <name>": shown only when single sign-on is configured (the page decides).
import { useState } from "react";
import { signIn } from "next-auth/react";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

export function SsoButton({ providerId, name, next }: { providerId: string; name: string; next: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-4 space-y-3">
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      {/* A link, not a button: it leaves for the identity provider, and the password form
          keeps the page's one "Sign in" button. Without JavaScript, next-auth's GET
          /api/auth/signin lands back here. */}
      <a
        href="/api/auth/signin"
        aria-disabled={pending}
        className="flex w-full items-center justify-center rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        onClick={(e) => {
          e.preventDefault();
          if (pending) return;
          setPending(true);
          void signIn(providerId, { callbackUrl: safeCallbackPath(next) });
        }}
      >
        Sign in with {name}
      </a>
    </div>
  );
}
