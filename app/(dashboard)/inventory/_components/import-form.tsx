"use client";
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select } from "@/components/ui/field";
import { withReadableFailure } from "@/lib/forms/action-failure";
import { IMPORT_MAX_BYTES_FOR_ACTIONS } from "@/lib/upload-limits";
import { importAction } from "../actions";

// The server refuses a file over the cap too; saying it here spares sending megabytes for that.
const tooLarge = (text: string) => {
  const bytes = new Blob([text]).size;
  return bytes > IMPORT_MAX_BYTES_FOR_ACTIONS ? `The file is ${(bytes / 1_000_000).toFixed(1)} MB; an import takes at most ${IMPORT_MAX_BYTES_FOR_ACTIONS / 1_000_000} MB. Split it into smaller files.` : null;
};
const sendImport = withReadableFailure(importAction);

const ACTION_LABELS = { create: "Create", update: "Update", unchanged: "Unchanged" } as const;

export function ImportForm({ assetColumns, activityColumns }: { assetColumns: readonly string[]; activityColumns: readonly string[] }) {
  const [state, action] = useActionState(sendImport, null);
  const [pending, start] = useTransition();
  const [kind, setKind] = useState<"assets" | "activities">("assets");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");
  const [sizeProblem, setSizeProblem] = useState<string | null>(null);
  const preview = state?.data?.preview;
  const canCommit = !!preview && preview.kind === kind && preview.invalid === 0 && preview.fileErrors.length === 0 && preview.counts.create + preview.counts.update > 0 && !state?.data?.imported;

  const submit = (intent: "preview" | "commit") => {
    const fd = new FormData();
    fd.set("kind", kind);
    fd.set("csv", text);
    fd.set("intent", intent);
    start(() => action(fd));
  };

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="The file holds">
          <Select value={kind} onChange={(e) => setKind(e.target.value as "assets" | "activities")} name="kind">
            <option value="assets">Systems / assets</option>
            <option value="activities">Processing activities</option>
          </Select>
        </Field>
        <Field label="CSV file" hint="UTF-8, first row is the header. Lists inside a cell are separated by semicolons.">
          <input
            type="file"
            accept=".csv,text/csv"
            className="block w-full text-sm"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              setFileName(f?.name ?? "");
              const content = f ? await f.text() : "";
              setText(content);
              setSizeProblem(tooLarge(content));
            }}
          />
        </Field>
      </div>
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer">Columns</summary>
        <p className="mt-1 font-mono">{(kind === "assets" ? assetColumns : activityColumns).join(", ")}</p>
        <p className="mt-1">Purposes, recipients and transfers carry their code in brackets, e.g. <code>Pay salaries [contract]; Analytics [legitimate_interests]</code>, <code>Payroll bureau [processor]</code>, <code>US Payroll Inc [scc]</code>. Owners are named by email, assets by name. A row is matched to an existing record by its id column, else by name (case does not matter): the preview says whether it creates, updates (and what changes) or leaves it unchanged. A file exported from here imports as-is and changes nothing.</p>
      </details>
      <div className="flex gap-2">
        <Button type="button" variant="secondary" disabled={pending || !text || !!sizeProblem} onClick={() => submit("preview")}>Preview</Button>
        <Button type="button" disabled={pending || !canCommit} onClick={() => submit("commit")}>Import{preview && canCommit ? ` ${preview.counts.create + preview.counts.update} rows` : ""}</Button>
        {fileName && <span className="self-center text-xs text-slate-500">{fileName}</span>}
      </div>
      {/* A preview is the answer itself, kept inline; a finished import is a toast. */}
      <FormMessage state={sizeProblem ? { ok: false, message: sizeProblem } : state} toast={!sizeProblem && state?.data?.imported !== undefined} />
      {preview && preview.rows.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="import-preview">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr><th className="px-3 py-2">Row</th><th className="px-3">Name</th><th className="px-3">Action</th><th className="px-3">Result</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.rows.map((r) => (
                <tr key={r.row} data-testid={`import-row-${r.row}`} className={r.errors.length ? "bg-red-50" : ""}>
                  <td className="px-3 py-1.5 font-mono text-xs">{r.row}</td>
                  <td className="px-3">{r.name || <span className="text-slate-500">(no name)</span>}</td>
                  <td className="px-3 text-xs" data-testid="import-action">{r.action ? ACTION_LABELS[r.action] : "—"}</td>
                  <td className="px-3 text-xs">
                    {r.errors.length ? (
                      <ul className="text-red-700">{r.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
                    ) : r.changes.length ? (
                      <ul className="text-slate-700">{r.changes.map((c) => <li key={c.column}><span className="font-medium">{c.column}</span>: {c.before} → {c.after}</li>)}</ul>
                    ) : (
                      <span className="text-emerald-700">OK</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
