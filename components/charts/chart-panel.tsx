// A chart with its accessible alternatives: a "Show as a table" disclosure holding the
// same data, and a CSV download of it. Server component; the chart is passed as children.
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export type TableRow = { key: string; cells: ReactNode[] };

export function ChartPanel({
  title,
  description,
  actions,
  csvHref,
  tableLabel,
  headers,
  rows,
  empty,
  children,
  testId,
  resetKey,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  csvHref: string;
  tableLabel: string;
  headers: string[];
  rows: TableRow[];
  empty?: string;
  children: ReactNode;
  testId?: string;
  /** Changes when the data's range changes, so an open table closes with the old data. */
  resetKey?: string;
}) {
  return (
    <section aria-label={title} data-testid={testId}>
      <Card title={title} description={description} actions={actions}>
        {rows.length === 0 && empty ? <p className="text-sm text-slate-600">{empty}</p> : children}
        <div className="mt-3 text-sm">
          <a href={csvHref} className="font-semibold text-indigo-600 hover:underline" download>Download CSV</a>
        </div>
        <details className="mt-2" key={resetKey}>
          <summary className="cursor-pointer text-sm font-semibold text-slate-700">Show as a table</summary>
          <div className="mt-2 max-h-80 overflow-y-auto">
            <table className="min-w-full text-xs" aria-label={tableLabel}>
              <thead className="sticky top-0 bg-white text-left uppercase text-slate-500">
                <tr>{headers.map((h, i) => <th key={h} className={i === 0 ? "py-1 pr-3" : "pr-3"}>{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.key}>{r.cells.map((c, i) => <td key={i} className={i === 0 ? "py-1 pr-3 font-mono" : "pr-3"}>{c}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Card>
    </section>
  );
}
