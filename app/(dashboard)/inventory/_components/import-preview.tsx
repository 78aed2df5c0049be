// The import preview's per-row table: what each row would do, or what is wrong with it.
import type { importAction } from "../actions";

type ImportPreview = NonNullable<NonNullable<Awaited<ReturnType<typeof importAction>>["data"]>["preview"]>;

const ACTION_LABELS = { create: "Create", update: "Update", unchanged: "Unchanged" } as const;

export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  return (
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
  );
}
