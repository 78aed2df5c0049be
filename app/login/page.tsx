import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { currentActor } from "@/lib/server/auth/current-actor";
import { env, oidcConfigured } from "@/lib/env";
import { OIDC_PROVIDER_ID } from "@/lib/server/auth/next-auth-options";
import { LoginForm } from "./login-form";
import { SsoButton } from "./sso-button";
import { SsoError } from "./sso-error";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await currentActor()) redirect("/");
  const sp = await searchParams;
  // Only same-origin paths are honoured, so the sign-in page cannot be used as an open redirect.
  const next = safeCallbackPath(sp.callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto flex h-10 w-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white">C</div>
          <h1 className="mt-3 text-xl font-bold">Sign in</h1>
          <p className="text-sm text-slate-600">Compliance &amp; Oversight Dashboard</p>
        </div>
        <SsoError code={sp.error} />
        <LoginForm next={next} />
        {oidcConfigured() && <SsoButton providerId={OIDC_PROVIDER_ID} name={env().OIDC_NAME} next={next} />}
        <p className="mt-4 text-center text-sm"><a className="text-indigo-600 hover:underline" href="/forgot-password">Forgot password?</a></p>
      </div>
    </main>
  );
}
