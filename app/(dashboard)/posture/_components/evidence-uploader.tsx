"use client";
import { useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, evidenceSelectionProblem, formatMegabytes } from "@/lib/upload-limits";
import { EVIDENCE_CONTENT_TYPES } from "@/lib/validation/posture";

type Item = { key: string; name: string; size: number; loaded: number; id?: string; error?: string };

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** One file to the staging endpoint, reporting progress; resolves to the staged upload's id. */
function upload(file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/posture/evidence/upload");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let body: { id?: string; error?: { message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON: fall through to the status */
      }
      if (xhr.status === 201 && body.id) resolve(body.id);
      else reject(new Error(body.error?.message ?? `Upload failed (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error("The connection dropped; nothing was stored. Try again."));
    xhr.send(file);
  });
}

/**
 * Evidence files go up one by one as soon as they are chosen, each with a progress bar;
 * the review form then carries only their ids (hidden `uploadId` fields), so a large file
 * never passes through a server action and the typed review is never lost to it.
 */
export function EvidenceUploader({ error, onBusyChange, onFailedChange }: { error?: string; onBusyChange: (busy: boolean) => void; onFailedChange: (names: string[]) => void }) {
  const [items, setItems] = useState<Item[]>([]);
  // The form refuses to save while a chosen file failed to upload, so nobody believes a
  // file is attached that is not; choosing again or removing it clears the failure.
  const failed = items.filter((i) => i.error).map((i) => i.name).join("\n");
  useEffect(() => onFailedChange(failed ? failed.split("\n") : []), [failed, onFailedChange]);
  const [problem, setProblem] = useState<string | null>(null);
  const patch = (key: string, p: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  async function choose(list: FileList | null) {
    const files = [...(list ?? [])];
    const kept = items.filter((i) => !i.error);
    const selectionProblem = evidenceSelectionProblem([...kept, ...files]);
    setProblem(selectionProblem);
    if (selectionProblem || files.length === 0) return;
    const added = files.map((f, n) => ({ key: `${Date.now()}-${n}-${f.name}`, name: f.name, size: f.size, loaded: 0 }));
    setItems([...kept, ...added]);
    onBusyChange(true);
    await Promise.all(
      files.map((f, n) =>
        upload(f, (loaded) => patch(added[n]!.key, { loaded }))
          .then((id) => patch(added[n]!.key, { id, loaded: f.size }))
          .catch((e: Error) => patch(added[n]!.key, { error: e.message })),
      ),
    );
    onBusyChange(false);
  }

  return (
    <div>
    <Field
      label="Evidence files"
      error={problem ?? error}
      hint={`Up to ${EVIDENCE_MAX_FILES} files, ${formatMegabytes(EVIDENCE_MAX_BYTES)} each: ${Object.values(EVIDENCE_CONTENT_TYPES).join(", ")}. Each is uploaded as soon as you choose it and stored with its SHA-256.`}
    >
      <input type="file" multiple accept={Object.keys(EVIDENCE_CONTENT_TYPES).join(",")} className="block text-sm" onChange={(e) => { void choose(e.currentTarget.files); e.currentTarget.value = ""; }} />
    </Field>
      {items.length > 0 && (
        <ul className="mt-2 space-y-1.5 text-sm" aria-label="Uploaded evidence" data-testid="evidence-uploads">
          {items.map((i) => (
            <li key={i.key} className="flex flex-wrap items-center gap-2">
              {i.id && <input type="hidden" name="uploadId" value={i.id} />}
              <span className="min-w-0 truncate font-medium">{i.name}</span>
              <span className="text-xs text-slate-500">{kb(i.size)}</span>
              {i.error ? (
                <span role="alert" className="text-xs text-red-700">{i.error}</span>
              ) : i.id ? (
                <span className="text-xs text-emerald-700">uploaded</span>
              ) : (
                <progress max={i.size || 1} value={i.loaded} aria-label={`Uploading ${i.name}`} className="h-2 w-40" />
              )}
              <button type="button" aria-label={`Remove ${i.name}`} className="text-xs text-indigo-700 underline" onClick={() => setItems((all) => all.filter((x) => x.key !== i.key))}>Remove</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
