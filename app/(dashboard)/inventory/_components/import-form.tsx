"use client";
// The CSV import on the one form pattern (docs/decisions/012, 016): the form posts the
// server action itself, with the file, so it works without JavaScript. Preview answers with
// the per-row table (kept inline: it is the answer, not a confirmation) and the previewed
// text, which travels back in a hidden field when Import is pressed, so what is committed
// is exactly what was previewed (and the file is not sent twice: the body limit is 2 MB).
import { useState } from "react";
import { ActionForm, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { Field, FormMessage, Select } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/form-message";
import { IMPORT_MAX_BYTES_FOR_ACTIONS } from "@/lib/upload-limits";
import { importAction } from "../actions";
import { ImportPreviewTable } from "./import-preview";

// The server refuses a file over the cap too; saying it here spares sending megabytes for that.
const tooLarge = (bytes: number) => (bytes > IMPORT_MAX_BYTES_FOR_ACTIONS ? `The file is ${(bytes / 1_000_000).toFixed(1)} MB; an import takes at most ${IMPORT_MAX_BYTES_FOR_ACTIONS / 1_000_000} MB. Split it into smaller files.` : null);

type Kind = "assets" | "activities";

export function ImportForm({ assetColumns, activityColumns }: { assetColumns: readonly string[]; activityColumns: readonly string[] }) {
  const form = useActionForm(importAction);
  const hydrated = useHydrated();
  const data = form.state?.data;
  const preview = data?.preview;
  const [kind, setKind] = useState<Kind>("assets");
  // A file chosen since the last answer: it must be previewed before it can be imported.
  const [chosen, setChosen] = useState<{ result: unknown; size: number } | null>(null);
  const fresh = chosen !== null && chosen.result === form.state;
  const sizeProblem = fresh ? tooLarge(chosen.size) : null;
  const previewed = !fresh && data?.csv !== undefined ? data.csv : undefined;
  const canCommit = previewed !== undefined && !!preview && preview.kind === kind && preview.invalid === 0 && preview.fileErrors.length === 0 && preview.counts.create + preview.counts.update > 0 && !data?.imported;
  return (
    <ActionForm form={form} className="space-y-4" aria-label="Inventory import">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="The file holds">
          <Select value={kind} onChange={(e) => setKind(e.target.value as Kind)} name="kind">
            <option value="assets">Systems / assets</option>
            <option value="activities">Processing activities</option>
          </Select>
        </Field>
        <Field label="CSV file" hint="UTF-8, first row is the header. Lists inside a cell are separated by semicolons." error={form.error("file")}>
          <input type="file" name="file" accept=".csv,text/csv" className="block w-full text-sm" onChange={(e) => setChosen(e.target.files?.[0] ? { result: form.state, size: e.target.files[0].size } : null)} />
        </Field>
      </div>
      {previewed !== undefined && <input type="hidden" name="csv" value={previewed} />}
      {previewed !== undefined && data?.fileName && <input type="hidden" name="fileName" value={data.fileName} />}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer">Columns</summary>
        <p className="mt-1 font-mono">{(kind === "assets" ? assetColumns : activityColumns).join(", ")}</p>
        <p className="mt-1">Purposes, recipients and transfers carry their code in brackets, e.g. <code>Pay salaries [contract]; Analytics [legitimate_interests]</code>, <code>Payroll bureau [processor]</code>, <code>US Payroll Inc [scc]</code>. Owners are named by email, assets by name. A row is matched to an existing record by its id column, else by name (case does not matter): the preview says whether it creates, updates (and what changes) or leaves it unchanged. A file exported from here imports as-is and changes nothing.</p>
      </details>
      <div className="flex flex-wrap gap-2">
        {/* Without JavaScript both buttons are live; the server answers either in words. */}
        <SubmitButton name="intent" value="preview" variant="secondary" pending={form.pending} disabled={hydrated && (!!sizeProblem || (!fresh && previewed === undefined))}>Preview</SubmitButton>
        <SubmitButton name="intent" value="commit" pending={form.pending} disabled={hydrated && !canCommit}>Import{canCommit ? ` ${preview.counts.create + preview.counts.update} rows` : ""}</SubmitButton>
        {previewed !== undefined && data?.fileName && <span className="self-center text-xs text-slate-500">Previewed: {data.fileName}</span>}
      </div>
      {/* A preview is the answer itself, kept inline; a finished import is a toast. */}
      <FormMessage state={sizeProblem ? { ok: false, message: sizeProblem } : form.state} toast={!sizeProblem && data?.imported !== undefined} />
      {preview && preview.rows.length > 0 && <ImportPreviewTable preview={preview} />}
    </ActionForm>
  );
}
