// A chart with its accessible alternatives: a "Show as a table" disclosure holding the
// same data, and a CSV download of it. Server component; the chart is passed as children.
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { PlainRows } from "./plain-rows";

export type TableRow = { key: string; cells: ReactNode[] };

const plain = (rows: TableRow[]): rows is { key: string; cells: (string | number)[] }[] => rows.every((r) => r.cells.every((c) => typeof c === "string" || typeof c === "number"));

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
  tableNote,
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
  /** Said above the table, e.g. when it summarises a long series. */
  tableNote?: ReactNode;
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
          {tableNote && <p className="mt-2 text-xs text-slate-600">{tableNote}</p>}
          <div className="mt-2 max-h-80 overflow-y-auto">
            {/* Cell styles are set once on the table: a class per cell was repeated in the
                HTML and again in the page's RSC payload, for every cell of every row. */}
            <table className="min-w-full text-xs [&_td]:pr-3 [&_td:first-child]:py-1 [&_td:first-child]:font-mono" aria-label={tableLabel}>
              <thead className="sticky top-0 bg-white text-left uppercase text-slate-500">
                <tr>{headers.map((h, i) => <th key={h} className={i === 0 ? "py-1 pr-3" : "pr-3"}>{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {plain(rows) ? <PlainRows rows={rows} /> : rows.map((r) => (
                  <tr key={r.key}>{r.cells.map((c, i) => <td key={i}>{c}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Card>
    </section>
  );
}
