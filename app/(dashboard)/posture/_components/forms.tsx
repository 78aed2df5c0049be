"use client";
// The posture forms on the form pattern (decision 012): their inputs are controlled, so a
// refusal keeps them across the pattern's re-mount; the pattern adds the busy state and
// drops a second submit.
import { useEffect, useState } from "react";
import { ActionForm, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { AREA_LABELS, AREAS, REVIEW_STATUSES, STATUS_LABELS } from "@/lib/posture/types";
import { EvidenceUploader } from "./evidence-uploader";
import { CHECKLIST_FIELDS, CONTROL_FIELDS, OVERRIDE_FIELDS, REVIEW_FIELDS } from "./posture-fields";
import { createChecklistAction, createControlAction, overrideControlAction, reviewControlAction, takeSnapshotAction, updateControlAction } from "../actions";

const TEXTAREA = "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600";

export function SnapshotButton() {
  const form = useActionForm(takeSnapshotAction);
  const { state, pending } = form;
  return (
    <ActionForm form={form} className="flex flex-col items-end gap-2">
      <SubmitButton pending={pending}>{pending ? "Running" : "Run tests and take snapshot"}</SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}

export function ReviewForm({ controlId, checklistId }: { controlId: string; checklistId?: string }) {
  const form = useActionForm(reviewControlAction, REVIEW_FIELDS);
  const { state, pending } = form;
  // Controlled: React resets uncontrolled fields after every action, which would lose
  // the reviewer's input when the server refuses it.
  const [status, setStatus] = useState("");
  const [naReason, setNaReason] = useState("");
  const [comment, setComment] = useState("");
  const [links, setLinks] = useState("");
  // Files upload on their own (EvidenceUploader) while the review is typed; saving waits
  // for them. After a saved review the uploader starts empty again (a new key).
  const [uploading, setUploading] = useState(false);
  const [failedUploads, setFailedUploads] = useState<string[]>([]);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [uploaderKey, setUploaderKey] = useState(0);
  useEffect(() => {
    if (state?.ok) {
      setStatus("");
      setNaReason("");
      setComment("");
      setLinks("");
      setUploaderKey((k) => k + 1);
    }
  }, [state]);
  return (
    <ActionForm
      form={form}
      className="space-y-3"
      aria-label="Record a review"
      onSubmit={(e) => {
        const problem = failedUploads.length ? `${failedUploads.join(", ")} could not be uploaded: remove ${failedUploads.length > 1 ? "them" : "it"} or choose another file. Nothing was saved.` : null;
        setBlocked(problem);
        if (problem) e.preventDefault();
      }}
    >
      <input type="hidden" name="controlId" value={controlId} />
      {checklistId && <input type="hidden" name="checklistId" value={checklistId} />}
      <Field label="Status" error={state?.fieldErrors?.status}>
        <Select name="status" required value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Choose…</option>
          {REVIEW_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
        </Select>
      </Field>
      {status === "not_applicable" && (
        <Field label="Why it does not apply" error={state?.fieldErrors?.naReason}>
          <Input name="naReason" required value={naReason} onChange={(e) => setNaReason(e.target.value)} />
        </Field>
      )}
      <Field label="Comment" error={state?.fieldErrors?.comment}>
        <textarea name="comment" rows={3} className={TEXTAREA} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <EvidenceUploader key={uploaderKey} error={state?.fieldErrors?.files} onBusyChange={setUploading} onFailedChange={setFailedUploads} />
      {blocked && failedUploads.length > 0 && <p role="alert" className="text-sm text-red-700">{blocked}</p>}
      <Field label="Evidence links" error={form.error("links")} hint="One http(s) link per line.">
        <textarea name="links" rows={2} className={TEXTAREA} value={links} onChange={(e) => setLinks(e.target.value)} />
      </Field>
      <Field label="Evidence expires on (optional)" error={state?.fieldErrors?.evidenceExpiresAt} hint="Expired evidence stops counting; a satisfied review backed only by expired evidence counts as partial.">
        <Input type="date" name="evidenceExpiresAt" defaultValue={form.value("evidenceExpiresAt")} />
      </Field>
      <FormMessage state={state} />
      <SubmitButton pending={pending} disabled={uploading}>{uploading ? "Waiting for uploads…" : "Save review"}</SubmitButton>
    </ActionForm>
  );
}

export function OverrideForm({ controlId, current }: { controlId: string; current: string | null }) {
  const form = useActionForm(overrideControlAction, OVERRIDE_FIELDS);
  const { state, pending } = form;
  const [status, setStatus] = useState(current ?? "");
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (state?.ok) setReason("");
  }, [state]);
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Override the automated result">
      <input type="hidden" name="controlId" value={controlId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Override status" error={state?.fieldErrors?.status}>
          <Select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">No override (the test decides)</option>
            {REVIEW_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </Select>
        </Field>
        <Field label="Reason" error={state?.fieldErrors?.reason}><Input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
      </div>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pending={pending}>Save override</SubmitButton>
    </ActionForm>
  );
}

export function EditControlForm({ c }: { c: { id: string; title: string; description: string; owner: string | null; frequencyDays: number; weight: number; version: number } }) {
  const form = useActionForm(updateControlAction, CONTROL_FIELDS);
  const { state, pending } = form;
  const [v, setV] = useState({ title: c.title, description: c.description, owner: c.owner ?? "", frequencyDays: String(c.frequencyDays), weight: String(c.weight) });
  const bind = (k: keyof typeof v) => ({ name: k, value: v[k], onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }) });
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Edit control">
      <input type="hidden" name="controlId" value={c.id} />
      <input type="hidden" name="version" value={c.version} />
      <Field label="Title" error={state?.fieldErrors?.title}><Input {...bind("title")} required /></Field>
      <Field label="Description" error={state?.fieldErrors?.description}><textarea {...bind("description")} rows={3} className={TEXTAREA} /></Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Owner" error={state?.fieldErrors?.owner}><Input {...bind("owner")} /></Field>
        <Field label="Review every (days)" error={state?.fieldErrors?.frequencyDays}><Input {...bind("frequencyDays")} type="number" min={1} /></Field>
        <Field label="Weight in the score" error={state?.fieldErrors?.weight} hint="0 leaves it out of the score"><Input {...bind("weight")} type="number" min={0} max={10} /></Field>
      </div>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pending={pending}>Save control</SubmitButton>
    </ActionForm>
  );
}

export function CreateChecklistForm({ controls }: { controls: { id: string; title: string; framework: string }[] }) {
  const form = useActionForm(createChecklistAction, CHECKLIST_FIELDS);
  const { state, pending } = form;
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => {
    if (state?.ok) {
      setName("");
      setDescription("");
      setPicked([]);
    }
  }, [state]);
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Create a checklist">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" error={state?.fieldErrors?.name}><Input name="name" required value={name} onChange={(e) => setName(e.target.value)} /></Field>
        <Field label="Description" error={state?.fieldErrors?.description}><Input name="description" value={description} onChange={(e) => setDescription(e.target.value)} /></Field>
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Controls</legend>
        <div className="grid max-h-64 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
          {controls.map((c) => (
            <label key={c.id} className="flex items-start gap-2 text-xs"><input type="checkbox" name="controlIds" value={c.id} checked={picked.includes(c.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, c.id] : picked.filter((x) => x !== c.id))} /> <span><span className="font-mono">{c.id}</span> {c.title}</span></label>
          ))}
        </div>
        {state?.fieldErrors?.controlIds && <p role="alert" className="mt-1 text-xs text-red-600">{state.fieldErrors.controlIds}</p>}
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Create checklist</SubmitButton>
    </ActionForm>
  );
}

const EMPTY_CONTROL = { id: "", title: "", description: "", area: "", citation: "", owner: "", frequencyDays: "90", weight: "1", manualCheck: "" };

export function CreateControlForm() {
  const form = useActionForm(createControlAction, CONTROL_FIELDS);
  const { state, pending } = form;
  const [v, setV] = useState(EMPTY_CONTROL);
  useEffect(() => {
    if (state?.ok) setV(EMPTY_CONTROL);
  }, [state]);
  const bind = (k: keyof typeof v) => ({ name: k, value: v[k], onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }) });
  const err = state?.fieldErrors ?? {};
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Add a control">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Id" error={err.id} hint="e.g. ORG-BACKUP-1"><Input {...bind("id")} required /></Field>
        <Field label="Title" error={err.title}><Input {...bind("title")} required /></Field>
        <Field label="Area" error={err.area}>
          <Select {...bind("area")} required><option value="">Choose…</option>{AREAS.map((a) => <option key={a} value={a}>{AREA_LABELS[a]}</option>)}</Select>
        </Field>
      </div>
      <Field label="Description" error={err.description}><textarea {...bind("description")} rows={2} className={TEXTAREA} /></Field>
      <div className="grid gap-3 sm:grid-cols-4">
        <Field label="Source / citation" error={err.citation}><Input {...bind("citation")} required /></Field>
        <Field label="Owner" error={err.owner}><Input {...bind("owner")} /></Field>
        <Field label="Review every (days)" error={err.frequencyDays}><Input {...bind("frequencyDays")} type="number" min={1} /></Field>
        <Field label="Weight" error={err.weight}><Input {...bind("weight")} type="number" min={0} max={10} /></Field>
      </div>
      <Field label="How to check it" error={err.manualCheck}><textarea {...bind("manualCheck")} rows={2} className={TEXTAREA} /></Field>
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Add control</SubmitButton>
    </ActionForm>
  );
}
