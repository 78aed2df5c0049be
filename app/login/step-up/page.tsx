import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/server/auth/current-actor";
import { pendingStepUp } from "@/lib/server/auth/step-up";
import { StepUpForm } from "./step-up-form";

export const metadata: Metadata = { title: "Second factor" };

// After single sign-on without a second factor from the identity provider, for a role that
// requires one: the person proves it here with our TOTP before the session counts.
export default async function StepUpPage() {
  if (await currentActor()) redirect("/");
  const pending = await pendingStepUp();
  if (!pending) redirect("/login");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto flex h-10 w-10 items-center justify-center rounded-lg bg-accent text-lg font-bold text-on-accent">C</div>
          <h1 className="mt-3 text-xl font-bold">One more step</h1>
          <p className="text-sm text-slate-600">
            Signed in as {pending.email} through single sign-on. Your role requires a second factor that your identity provider did not confirm: enter the code from your authenticator app.
          </p>
        </div>
        <StepUpForm />
        <p className="mt-4 text-center text-sm"><a className="text-indigo-700 underline" href="/api/auth/signout">Use another account</a></p>
      </div>
    </main>
  );
}
