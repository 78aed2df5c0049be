"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { escalateDecisionAction, reviewDecisionAction, revealInputsAction } from "../actions";

const VERDICTS = [
  { value: "approve", label: "Approve", key: "a", hint: "accept the proposed outcome" },
  { value: "reject", label: "Reject", key: "r", hint: "refuse the proposed outcome" },
  { value: "override", label: "Override", key: "o", hint: "decide a different outcome" },
  { value: "request_info", label: "Request info", key: "i", hint: "ask for more before deciding" },
] as const;

/** Approve / reject / override / request-info. Shortcuts: a, r, o, i pick a verdict; Ctrl+Enter submits. */
export function ReviewPanel({ decisionId }: { decisionId: string }) {
  const [state, action, pending] = useActionState(reviewDecisionAction, null);
  const [verdict, setVerdict] = useState<string>("approve");
  const rationale = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement;
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && form.current?.contains(t)) {
        e.preventDefault();
        form.current.requestSubmit();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName)) return;
      const v = VERDICTS.find((x) => x.key === e.key.toLowerCase());
      if (v) {
        e.preventDefault();
        setVerdict(v.value);
        rationale.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form ref={form} action={action} className="space-y-3" aria-label="Review this decision">
      <input type="hidden" name="decisionId" value={decisionId} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Verdict</legend>
        <div className="grid gap-2 sm:grid-cols-4">
          {VERDICTS.map((v) => (
            <label key={v.value} className={`cursor-pointer rounded-md px-3 py-2 text-sm ring-1 ring-inset ${verdict === v.value ? "bg-indigo-50 ring-indigo-500" : "ring-slate-300"}`}>
              <input type="radio" name="verdict" value={v.value} checked={verdict === v.value} onChange={() => setVerdict(v.value)} className="mr-2" />
              {v.label} <kbd className="ml-1 rounded border border-slate-300 px-1 text-[10px] text-slate-500">{v.key}</kbd>
              <span className="block text-xs text-slate-500">{v.hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {verdict === "override" && (
        <Field label="Outcome instead" error={state?.fieldErrors?.overrideOutcome}>
          <Input name="overrideOutcome" required placeholder="e.g. grant" />
        </Field>
      )}
      <Field label="Rationale" error={state?.fieldErrors?.rationale} hint="Required. Say why, in words the affected person could be told (GDPR Art. 22(3)).">
        <textarea ref={rationale} name="rationale" rows={3} required className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600" />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>Submit verdict <span className="text-xs font-normal opacity-75">Ctrl+Enter</span></Button>
    </form>
  );
}

export function EscalateForm({ decisionId }: { decisionId: string }) {
  const [state, action, pending] = useActionState(escalateDecisionAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="decisionId" value={decisionId} />
      <Field label="Escalate to a compliance officer" error={state?.fieldErrors?.reason} hint="You will not be able to approve it afterwards.">
        <Input name="reason" placeholder="Why it needs someone else" />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>Escalate</Button>
    </form>
  );
}

export function RevealInputs({ decisionId }: { decisionId: string }) {
  const [state, action, pending] = useActionState(revealInputsAction, null);
  if (state?.ok && state.data) {
    return (
      <div className="space-y-2">
        <FormMessage state={state} />
        {state.data.subjectRef && <p className="text-sm">Subject: <span className="font-mono">{state.data.subjectRef}</span></p>}
        <pre className="max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="revealed-inputs">{JSON.stringify(state.data.inputs, null, 2)}</pre>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="decisionId" value={decisionId} />
      <p className="text-sm text-slate-600">The model&apos;s inputs and the subject reference are encrypted. Reveal them only if the summary is not enough; the reveal is audited.</p>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>Reveal inputs</Button>
    </form>
  );
}
