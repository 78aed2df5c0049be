"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { wallInputToIso, isoToWallInput } from "@/lib/breaches/wall-time";
import type { ObligationDto } from "@/lib/validation/breaches";
import { ActionForm, FormStatus, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { STATUS_FIELDS } from "./obligation-fields";
import { checklistAction, markSentAction, setStatusAction, timelineAction } from "../actions";

export function MarkSentForm({ incidentId, obligation, timeZone, label }: { incidentId: string; obligation: ObligationDto; timeZone: string; label: string }) {
  // Controlled inputs (the payload is built from them); the pattern adds the busy state and drops a second submit.
  const form = useActionForm(markSentAction);
  const state = form.state;
  const [sent, setSent] = useState(() => isoToWallInput(new Date().toISOString(), timeZone));
  const [reference, setReference] = useState("");
  const [reason, setReason] = useState("");
  const sentIso = wallInputToIso(sent, timeZone);
  const late = Boolean(obligation.dueAt && sentIso && Date.parse(sentIso) > Date.parse(obligation.dueAt));
  const fe = state?.fieldErrors ?? {};
  return (
    <ActionForm form={form} className="space-y-2" aria-label={`Record ${label} as sent`}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="obligationId" value={obligation.id} />
      <input type="hidden" name="payload" value={JSON.stringify({ sentAt: sentIso ?? "", ...(reference ? { reference } : {}), ...(reason ? { reason } : {}) })} />
      <div className="grid gap-2 sm:grid-cols-2">
        <Field label="Sent at" error={fe.sentAt}><Input type="datetime-local" value={sent} invalid={!!fe.sentAt} onChange={(e) => setSent(e.target.value)} /></Field>
        <Field label="Reference (optional)" error={fe.reference}><Input value={reference} invalid={!!fe.reference} onChange={(e) => setReference(e.target.value)} placeholder="case number, tracking id" /></Field>
      </div>
      {late && <Field label="Reason for the delay" error={fe.reason} hint="After the deadline the notice is recorded as late (GDPR Art. 33(1): give the reasons)."><Input value={reason} invalid={!!fe.reason} onChange={(e) => setReason(e.target.value)} /></Field>}
      <FormMessage state={state} />
      <SubmitButton pending={form.pending}>Record as sent</SubmitButton>
    </ActionForm>
  );
}

export function StatusForm({ incidentId, obligation }: { incidentId: string; obligation: ObligationDto }) {
  const form = useActionForm(setStatusAction, STATUS_FIELDS);
  const { state, action, pending } = form;
  const [status, setStatus] = useState<"not_required" | "late">("not_required");
  if (obligation.status === "not_required" || obligation.status === "late") {
    return (
      <form action={action} className="space-y-2">
        <input type="hidden" name="incidentId" value={incidentId} />
        <input type="hidden" name="obligationId" value={obligation.id} />
        <input type="hidden" name="status" value="open" />
        <FormMessage state={state} />
        <Button type="submit" variant="secondary" disabled={pending}>Re-open</Button>
      </form>
    );
  }
  return (
    <ActionForm form={form} className="space-y-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="obligationId" value={obligation.id} />
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-1"><input type="radio" name="status" value="not_required" checked={status === "not_required"} onChange={() => setStatus("not_required")} /> Not required</label>
        <label className="flex items-center gap-1"><input type="radio" name="status" value="late" checked={status === "late"} onChange={() => setStatus("late")} /> Will be late</label>
      </div>
      <TextField form={form} name="reason" required placeholder={status === "not_required" ? "e.g. Art. 34(3)(b): later measures remove the high risk" : "e.g. scope still being established with forensics"} />
      <FormStatus form={form} />
      <SubmitButton pending={pending} variant="secondary">Save status</SubmitButton>
    </ActionForm>
  );
}

export function ChecklistForm({ incidentId, obligation, readOnly }: { incidentId: string; obligation: ObligationDto; readOnly: boolean }) {
  // After a refusal the boxes show what was ticked, not what is saved.
  const form = useActionForm(checklistAction);
  if (obligation.contentChecklist.length === 0) return <p className="text-xs text-slate-500">The law sets no content list for this notice.</p>;
  return (
    <ActionForm form={form} className="space-y-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="obligationId" value={obligation.id} />
      <input type="hidden" name="count" value={obligation.contentChecklist.length} />
      <ul className="space-y-1 text-sm">
        {obligation.contentChecklist.map((c, n) => (
          <li key={n}><label className="flex items-start gap-2"><input type="checkbox" name={`item-${n}`} defaultChecked={form.checked(`item-${n}`, c.done)} disabled={readOnly} className="mt-1" /> <span>{c.item}</span></label></li>
        ))}
      </ul>
      <FormStatus form={form} />
      {!readOnly && <SubmitButton pending={form.pending} variant="secondary">Save checklist</SubmitButton>}
    </ActionForm>
  );
}

export function TimelineForm({ incidentId, timeZone }: { incidentId: string; timeZone: string }) {
  const form = useActionForm(timelineAction);
  const state = form.state;
  const [at, setAt] = useState(() => isoToWallInput(new Date().toISOString(), timeZone));
  const [what, setWhat] = useState("");
  const [by, setBy] = useState("");
  const fe = state?.fieldErrors ?? {};
  return (
    <ActionForm form={form} className="space-y-2 border-t border-slate-100 pt-3">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="payload" value={JSON.stringify({ at: wallInputToIso(at, timeZone) ?? "", action: what, performedBy: by })} />
      <div className="grid gap-2 sm:grid-cols-[12rem_1fr_12rem]">
        <Field label="When" error={fe.at}><Input type="datetime-local" value={at} invalid={!!fe.at} onChange={(e) => setAt(e.target.value)} /></Field>
        <Field label="What was done" error={fe.action}><Input value={what} invalid={!!fe.action} onChange={(e) => setWhat(e.target.value)} /></Field>
        <Field label="By whom" error={fe.performedBy}><Input value={by} invalid={!!fe.performedBy} onChange={(e) => setBy(e.target.value)} /></Field>
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={form.pending} variant="secondary">Add to timeline</SubmitButton>
    </ActionForm>
  );
}
