"use client";
// Pick the data inventory records an AI system uses. Both lists are always sent, so
// unticking every box clears a set.
import { useState } from "react";
import { ActionForm, FormStatus, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { Input } from "@/components/ui/field";
import { setAiSystemLinksAction } from "../actions";
import { LINK_FIELDS } from "./registry-fields";

type Option = { id: string; name: string; hint?: string | null };

function Checklist({ legend, name, options, selected, filter, error }: { legend: string; name: string; options: Option[]; selected: readonly string[]; filter: string; error?: string }) {
  const q = filter.trim().toLowerCase();
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-semibold">{legend}</legend>
      {options.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">The inventory has none yet.</p>
      ) : (
        <ul className="mt-1 max-h-64 space-y-1 overflow-auto rounded-md border border-slate-200 p-2">
          {options.map((o) => (
            // Filtered-out boxes stay in the form (hidden), so a search never drops a link.
            <li key={o.id} hidden={q !== "" && !o.name.toLowerCase().includes(q)}>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name={name} value={o.id} defaultChecked={selected.includes(o.id)} className="mt-0.5" />
                <span>
                  {o.name}
                  {o.hint && <span className="ml-1 text-xs text-slate-500">{o.hint}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="mt-1 text-xs text-red-600" role="alert">{error}</p>}
    </fieldset>
  );
}

export function LinksForm({ aiSystemId, assets, activities, selectedAssets, selectedActivities }: { aiSystemId: string; assets: Option[]; activities: Option[]; selectedAssets: string[]; selectedActivities: string[] }) {
  // On the form pattern: after a refusal the boxes show what was ticked, not the saved links.
  const form = useActionForm(setAiSystemLinksAction, LINK_FIELDS);
  const [filter, setFilter] = useState("");
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Linked inventory records">
      <input type="hidden" name="aiSystemId" value={aiSystemId} />
      <Input type="search" placeholder="Filter by name" aria-label="Filter inventory records" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="grid gap-4 md:grid-cols-2">
        <Checklist legend={form.label("assetIds")} name="assetIds" options={assets} selected={form.list("assetIds", selectedAssets)} filter={filter} error={form.error("assetIds")} />
        <Checklist legend={form.label("processingActivityIds")} name="processingActivityIds" options={activities} selected={form.list("processingActivityIds", selectedActivities)} filter={filter} error={form.error("processingActivityIds")} />
      </div>
      <FormStatus form={form} />
      <SubmitButton pending={form.pending}>Save links</SubmitButton>
    </ActionForm>
  );
}
