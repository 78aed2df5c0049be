"use client";
import { useActionState, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { confirmMfaAction, regenerateCodesAction, startMfaAction } from "./actions";

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">Save these recovery codes now. Each works once; they will not be shown again.</p>
      <ul data-testid="recovery-codes" className="mt-2 grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
    </div>
  );
}

export function MfaEnrolment() {
  const router = useRouter();
  const [setup, setSetup] = useState<{ qrDataUrl: string; secret: string } | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const [state, confirm, confirming] = useActionState(confirmMfaAction, null);

  if (state?.ok && state.data) {
    return (
      <>
        <FormMessage state={state} />
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <Button className="mt-4" onClick={() => router.refresh()}>Done</Button>
      </>
    );
  }
  if (!setup) {
    return (
      <>
        {startError && <p role="alert" className="mb-2 text-sm text-red-700">{startError}</p>}
        <Button
          disabled={starting}
          onClick={() =>
            startTransition(async () => {
              const r = await startMfaAction();
              if (r.ok && r.data) setSetup(r.data);
              else setStartError(r.message ?? "Could not start enrolment.");
            })
          }
        >
          Set up an authenticator app
        </Button>
      </>
    );
  }
  return (
    <form action={confirm} className="space-y-3">
      <p className="text-sm text-slate-700">Scan the QR code with your authenticator app, then enter the 6-digit code it shows.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
      <img src={setup.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} className="rounded border" />
      <p className="text-xs text-slate-500">
        Can&apos;t scan? Enter this key by hand: <code data-testid="totp-secret" className="break-all font-mono">{setup.secret}</code>
      </p>
      <Field label="Code from the app" error={state?.ok === false && !state.fieldErrors?.currentPassword ? state.message : undefined}>
        <Input name="code" inputMode="numeric" autoComplete="one-time-code" required />
      </Field>
      <Field label="Your current password" hint="Asked again so that a session left open cannot turn on MFA with someone else's phone." error={state?.ok === false && state.fieldErrors?.currentPassword ? state.message : undefined}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" disabled={confirming}>Turn on MFA</Button>
    </form>
  );
}

export function RecoveryCodesForm() {
  const [state, action, pending] = useActionState(regenerateCodesAction, null);
  return (
    <form action={action} className="mt-4 space-y-3">
      <Field label="New recovery codes" hint="Enter a current code from your app to replace your recovery codes.">
        <Input name="code" inputMode="numeric" autoComplete="one-time-code" required />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>Create new recovery codes</Button>
      <FormMessage state={state} />
      {state?.ok && state.data && <RecoveryCodes codes={state.data.recoveryCodes} />}
    </form>
  );
}
