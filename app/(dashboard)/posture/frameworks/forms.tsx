"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { addCrosswalkAction, applicabilityAction, mapControlAction, removeCrosswalkAction, unmapControlAction } from "./actions";

type Action = (s: unknown, f: FormData) => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string> }>;

function useForm(action: Action) {
  const [state, run, pending] = useActionState(action, null);
  return { state, run, pending, err: (k: string) => state?.fieldErrors?.[k] };
}

export function MapControlForm({ requirementId, controls }: { requirementId: string; controls: { id: string; title: string }[] }) {
  const f = useForm(mapControlAction as Action);
  return (
    <form action={f.run} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end" aria-label={`Map a control to ${requirementId}`}>
      <input type="hidden" name="requirementId" value={requirementId} />
      <Field label="Control" error={f.err("controlId")}>
        <Select name="controlId" required defaultValue="">
          <option value="">Choose…</option>
          {controls.map((c) => <option key={c.id} value={c.id}>{c.id} — {c.title}</option>)}
        </Select>
      </Field>
      <Field label="Rationale" error={f.err("rationale")}><Input name="rationale" required minLength={3} maxLength={2000} /></Field>
      <Button type="submit" disabled={f.pending}>Map</Button>
      <div className="sm:col-span-3"><FormMessage state={f.state} /></div>
    </form>
  );
}

export function UnmapButton({ requirementId, controlId }: { requirementId: string; controlId: string }) {
  const f = useForm(unmapControlAction as Action);
  return (
    <form action={f.run} className="inline">
      <input type="hidden" name="requirementId" value={requirementId} />
      <input type="hidden" name="controlId" value={controlId} />
      <button type="submit" disabled={f.pending} className="text-xs text-red-700 hover:underline" aria-label={`Unmap ${controlId}`}>unmap</button>
      <FormMessage state={f.state} />
    </form>
  );
}

export function ApplicabilityForm({ requirementId, notApplicable }: { requirementId: string; notApplicable: boolean }) {
  const f = useForm(applicabilityAction as Action);
  return (
    <form action={f.run} className="flex flex-wrap items-end gap-2" aria-label={`Applicability of ${requirementId}`}>
      <input type="hidden" name="requirementId" value={requirementId} />
      <input type="hidden" name="applicable" value={notApplicable ? "true" : "false"} />
      {!notApplicable && <Field label="Reason it does not apply" error={f.err("reason")}><Input name="reason" required minLength={3} maxLength={2000} /></Field>}
      <Button type="submit" disabled={f.pending}>{notApplicable ? "Mark applicable" : "Mark not applicable"}</Button>
      <FormMessage state={f.state} />
    </form>
  );
}

export function CrosswalkForm({ frameworkId }: { frameworkId: string }) {
  const f = useForm(addCrosswalkAction as Action);
  return (
    <form action={f.run} className="grid gap-2 sm:grid-cols-4 sm:items-end" aria-label="Add a crosswalk">
      <Field label="From requirement id" error={f.err("fromId")} hint={`e.g. ${frameworkId}:…`}><Input name="fromId" required /></Field>
      <Field label="To requirement id" error={f.err("toId")}><Input name="toId" required /></Field>
      <Field label="Source (citation)" error={f.err("source")}><Input name="source" required /></Field>
      <Button type="submit" disabled={f.pending}>Add</Button>
      <div className="sm:col-span-4"><FormMessage state={f.state} /></div>
    </form>
  );
}

export function RemoveCrosswalkButton({ id }: { id: string }) {
  const f = useForm(removeCrosswalkAction as Action);
  return (
    <form action={f.run} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={f.pending} className="text-xs text-red-700 hover:underline">remove</button>
      <FormMessage state={f.state} />
    </form>
  );
}
