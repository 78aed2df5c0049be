"use client";
import type { ReactNode } from "react";

/** A catalogue's [code, label] pairs as select options. */
export const options = (pairs: readonly (readonly [string, string])[]) => pairs.map(([value, label]) => ({ value, label }));

export function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      {description && <p className="mb-3 text-xs text-slate-500">{description}</p>}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function CheckboxGroup({ legend, name, options, selected, error, highlight }: { legend: string; name: string; options: readonly { code: string; label: string; note?: string }[]; selected: readonly string[]; error?: string; highlight?: (code: string) => boolean }) {
  return (
    <div className="sm:col-span-2">
      <p className="mb-1 text-sm font-medium text-slate-800" id={`${name}-legend`}>{legend}</p>
      <div role="group" aria-labelledby={`${name}-legend`} className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {options.map((o) => (
          <label key={o.code} className={`flex items-start gap-2 rounded px-1 text-sm ${highlight?.(o.code) ? "text-rose-800" : "text-slate-700"}`}>
            <input type="checkbox" name={name} value={o.code} defaultChecked={selected.includes(o.code)} className="mt-0.5" />
            <span>
              {o.label}
              {o.note && <span className="ml-1 text-xs text-slate-500">{o.note}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && <p role="alert" className="mt-1 text-xs text-red-600">{error}</p>}
    </div>
  );
}
