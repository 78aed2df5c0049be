"use client";
import { useEffect, useRef, useState } from "react";
import { buttonRefusal } from "@/components/forms/action-button";
import { ActionForm, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { isTypingTarget } from "@/components/ui/key-nav";
import { isRefusal, verdictOptions, type ReviewState } from "@/lib/oversight/review-wording";
import { escalateDecisionAction, reviewDecisionAction, revealInputsAction } from "../actions";
import { ESCALATE_FIELDS } from "./review-fields";

/**
 * Approve / overturn / reject / ask for information, each labelled with what it does to this
 * decision (lib/oversight/review-wording.ts). A verdict that refuses the proposal (ending
 * with no outcome, or overturning it) asks for a confirmation in the form first.
 * Shortcuts: a, o, r, i pick a verdict; Ctrl+Enter submits (or asks to confirm). Keys typed
 * into a field are text, never a shortcut.
 */
export function ReviewPanel({ decisionId, state: decision, waiting }: { decisionId: string; state: ReviewState; waiting: string | null }) {
  // On the form pattern (decision 012): busy, one submit at a time, errors in words.
  const form = useActionForm(reviewDecisionAction);
  const state = form.state;
  const options = verdictOptions(decision);
  // Controlled, so a refused verdict (a stale page, a missing confirmation) keeps what was
  // written across the pattern's re-mount; the first values are the refused ones when the
  // page was rendered by the server after a post without JavaScript.
  const [verdict, setVerdict] = useState<string>(() => options.find((o) => o.value === form.value("verdict"))?.value ?? "approve");
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState(() => form.value("rationale") ?? "");
  const [outcome, setOutcome] = useState(() => form.value("overrideOutcome") ?? (isRefusal(decision.proposedOutcome) ? "approve" : ""));
  // Set once the shortcuts listen: tests (and nothing else) wait for it before typing.
  const [keysReady, setKeysReady] = useState(false);
  const chosen = options.find((o) => o.value === verdict)!;
  const rationale = useRef<HTMLTextAreaElement>(null);
  // The pattern re-mounts the <form> with each result; the textarea always knows its current one.
  const formEl = () => rationale.current?.form ?? null;
  // A recorded (or refused) verdict closes the confirmation; the page shows what changed.
  useEffect(() => {
    setConfirming(false);
    if (state?.ok) setText("");
  }, [state]);
  const pick = (v: string) => {
    setVerdict(v);
    setConfirming(false);
  };
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement;
      const el = formEl();
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && el?.contains(t)) {
        e.preventDefault();
        el.requestSubmit();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(t)) return;
      const v = verdictOptions(decision).find((x) => x.key === e.key.toLowerCase());
      if (v) {
        e.preventDefault();
        pick(v.value);
        rationale.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    setKeysReady(true);
    return () => window.removeEventListener("keydown", onKey);
  }, [decision]);
  // The first submit of a refusing verdict only opens the confirmation; the second sends it.
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    if (chosen.confirm && !confirming) {
      e.preventDefault();
      if (formEl()?.reportValidity()) setConfirming(true);
    }
  };
  // You have given your verdict: under four-eyes it waits for someone else; no form.
  if (waiting) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <p role="status" className="rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200" data-testid="waiting-for-others">
          <strong>Waiting for others.</strong> {waiting} Each person counts once, so there is nothing more for you to do here.
        </p>
      </div>
    );
  }
  return (
    <ActionForm form={form} onSubmit={onSubmit} className="space-y-3" aria-label="Review this decision" data-keys={keysReady ? "ready" : undefined}>
      <input type="hidden" name="decisionId" value={decisionId} />
      {confirming && <input type="hidden" name="confirmed" value="yes" />}
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Verdict</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {options.map((v) => (
            <label key={v.value} className={`cursor-pointer rounded-md px-3 py-2 text-sm ring-1 ring-inset ${verdict === v.value ? "bg-indigo-50 ring-indigo-500" : "ring-slate-300"}`}>
              <input type="radio" name="verdict" value={v.value} checked={verdict === v.value} onChange={() => pick(v.value)} className="mr-2" />
              {v.label} <kbd className="ml-1 rounded border border-slate-300 px-1 text-[10px] text-slate-500">{v.key}</kbd>
              <span className="block text-xs text-slate-500">{v.hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {verdict === "override" && (
        <Field label="Outcome instead" error={form.error("overrideOutcome")}>
          <Input name="overrideOutcome" required value={outcome} invalid={!!form.error("overrideOutcome")} onChange={(e) => setOutcome(e.target.value)} placeholder="e.g. grant" />
        </Field>
      )}
      <Field label={verdict === "request_info" ? "Your question" : "Rationale"} error={form.error("rationale")} hint={verdict === "request_info" ? "Required. What you need to know before deciding; the AI system's owner is asked." : "Required. Say why, in words the affected person could be told (GDPR Art. 22(3))."}>
        <textarea ref={rationale} name="rationale" rows={3} required value={text} aria-invalid={!!form.error("rationale") || undefined} onChange={(e) => setText(e.target.value)} className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600" />
      </Field>
      <FormMessage state={state} />
      {confirming && chosen.confirm ? (
        <div role="alertdialog" aria-labelledby="confirm-verdict" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="confirm-verdict">
          <p id="confirm-verdict"><strong>{chosen.label}?</strong> {chosen.confirm}</p>
          <div className="flex gap-2">
            <SubmitButton pending={form.pending}>{chosen.confirmLabel}</SubmitButton>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>Go back</Button>
          </div>
        </div>
      ) : (
        <SubmitButton pending={form.pending}>{chosen.confirm ? `${chosen.label}…` : "Submit verdict"} <span className="text-xs font-normal opacity-75">Ctrl+Enter</span></SubmitButton>
      )}
    </ActionForm>
  );
}

export function EscalateForm({ decisionId }: { decisionId: string }) {
  // The reason comes back after a refusal (a reason too short, a decision escalated meanwhile).
  const form = useActionForm(escalateDecisionAction, ESCALATE_FIELDS);
  return (
    <ActionForm form={form} className="space-y-2" aria-label="Escalate this decision">
      <input type="hidden" name="decisionId" value={decisionId} />
      <TextField form={form} name="reason" placeholder="Why it needs someone else" hint="A compliance officer takes it over; you will not be able to approve it afterwards." />
      <FormMessage state={form.state} />
      <SubmitButton pending={form.pending} variant="secondary">Escalate</SubmitButton>
    </ActionForm>
  );
}

export function RevealInputs({ decisionId }: { decisionId: string }) {
  const form = useActionForm(revealInputsAction);
  const state = form.state;
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
    <ActionForm form={form} className="space-y-2" aria-label="Reveal the inputs">
      <input type="hidden" name="decisionId" value={decisionId} />
      <p className="text-sm text-slate-600">The model&apos;s inputs and the subject reference are encrypted. Reveal them only if the summary is not enough; the reveal is audited.</p>
      <FormMessage state={buttonRefusal(state)} />
      <SubmitButton pending={form.pending} variant="secondary">Reveal inputs</SubmitButton>
    </ActionForm>
  );
}
