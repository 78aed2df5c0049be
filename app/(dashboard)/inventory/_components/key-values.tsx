import type { ReactNode } from "react";

export function KeyValues({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{k}</dt>
          <dd className="mt-0.5 break-words text-slate-900">{v === null || v === undefined || v === "" ? <span className="text-slate-500">—</span> : v}</dd>
        </div>
      ))}
    </dl>
  );
}
