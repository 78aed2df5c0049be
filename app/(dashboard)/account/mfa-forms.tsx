"use client";
import { useEffect, useState, useTransition, type ReactNode } from "react";
import { ActionForm, FormStatus, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { MFA_CODE_FIELDS, RECOVERY_FIELDS } from "../admin/admin-fields";
import { confirmMfaAction, regenerateCodesAction, startMfaAction } from "./actions";

function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = `Recovery codes (each works once)\n${codes.join("\n")}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">Save these recovery codes now. Each works once; they will not be shown again.</p>
      <ul data-testid="recovery-codes" className="mt-2 grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
        >
          Copy codes
        </Button>
        <a href={download} download="recovery-codes.txt" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50">Download as a text file</a>
        {copied && <span role="status" className="self-center text-sm text-emerald-800">Copied. Paste them into your password manager.</span>}
      </div>
    </div>
  );
}

/** The card's On/Off badge follows enrolment at once, without reloading away the codes shown. */
export function MfaCard({ enabled: initially, children }: { enabled: boolean; children: ReactNode }) {
  const [enabled, setEnabled] = useState(initially);
  return (
    <Card
      title="Multi-factor authentication"
      description="A time-based code from an authenticator app (RFC 6238), asked for at every sign-in."
      actions={enabled ? <Badge tone="green">On</Badge> : <Badge tone="amber">Off</Badge>}
    >
      {initially ? children : <MfaEnrolment onEnabled={() => setEnabled(true)} />}
    </Card>
  );
}

export function MfaEnrolment({ onEnabled }: { onEnabled?: () => void }) {
  const router = useRouter();
  const [setup, setSetup] = useState<{ qrDataUrl: string; secret: string } | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const form = useActionForm(confirmMfaAction, MFA_CODE_FIELDS);
  const state = form.state;
  const enabledNow = !!(state?.ok && state.data);
  useEffect(() => {
    if (enabledNow) onEnabled?.();
  }, [enabledNow, onEnabled]);

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
    <ActionForm form={form} className="space-y-3">
      <p className="text-sm text-slate-700">Scan the QR code with your authenticator app, then enter the 6-digit code it shows.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
      <img src={setup.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} className="rounded border" />
      <p className="text-xs text-slate-500">
        Can&apos;t scan? Enter this key by hand: <code data-testid="totp-secret" className="break-all font-mono">{setup.secret}</code>
      </p>
      <TextField form={form} name="code" inputMode="numeric" autoComplete="one-time-code" required />
      <TextField form={form} name="currentPassword" type="password" autoComplete="current-password" required hint="Asked again so that a session left open cannot turn on MFA with someone else's phone." />
      <SubmitButton pending={form.pending}>Turn on MFA</SubmitButton>
    </ActionForm>
  );
}

export function RecoveryCodesForm() {
  const form = useActionForm(regenerateCodesAction, RECOVERY_FIELDS);
  const state = form.state;
  return (
    <ActionForm form={form} className="mt-4 space-y-3">
      <TextField form={form} name="code" inputMode="numeric" autoComplete="one-time-code" required hint="Enter a current code from your app to replace your recovery codes." />
      <SubmitButton pending={form.pending} variant="secondary">Create new recovery codes</SubmitButton>
      <FormStatus form={form} />
      {state?.ok && state.data && <RecoveryCodes codes={state.data.recoveryCodes} />}
    </ActionForm>
  );
}
