"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [needCode, setNeedCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) {
      // Checked again here: the prop is the page's, but this is where the browser leaves.
      router.replace(safeCallbackPath(next));
      router.refresh();
      return;
    }
    // The server sends "CODE:sentence"; the sentence is written for people.
    const raw = res?.error ?? "";
    const idx = raw.indexOf(":");
    const code = idx > 0 ? raw.slice(0, idx) : raw;
    const message = idx > 0 ? raw.slice(idx + 1) : "Sign-in failed. Check your email and password.";
    if (code === "MFA_REQUIRED") {
      setNeedCode(true);
      setError(null);
      return;
    }
    if (code === "MFA_INVALID") setNeedCode(true);
    setError(code === "CredentialsSignin" ? "Wrong email or password." : message);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <Field label="Email">
        <Input name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      {needCode && (
        <Field label="Authentication code" hint="The 6-digit code from your authenticator app, or a recovery code.">
          <Input name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
        </Field>
      )}
      {error && <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Signing in…" : needCode ? "Verify and sign in" : "Sign in"}</Button>
    </form>
  );
}
