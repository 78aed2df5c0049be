"use client";
// Picks the inventory assets involved in an incident (search by name), showing each one's
// encryption at rest. The wizard pre-fills the encrypted answer and the categories from them.
import { useEffect, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { IncidentAssetDto } from "@/lib/validation/breaches";
import { searchAssetsAction } from "../actions";

const ENCRYPTION_LABEL: Record<IncidentAssetDto["encryptionAtRest"], string> = {
  none: "Not encrypted at rest",
  provider_managed: "Encrypted at rest (provider-managed keys)",
  customer_managed: "Encrypted at rest (customer-managed keys)",
};

export function EncryptionBadge({ asset }: { asset: Pick<IncidentAssetDto, "encryptionAtRest" | "personalDataCategories"> }) {
  if (asset.encryptionAtRest === "none") return <Badge tone={asset.personalDataCategories.length ? "red" : "gray"}>{ENCRYPTION_LABEL.none}</Badge>;
  return <Badge tone="green">{ENCRYPTION_LABEL[asset.encryptionAtRest]}</Badge>;
}

export function AssetPicker({ selected, onChange }: { selected: IncidentAssetDto[]; onChange: (next: IncidentAssetDto[]) => void }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<IncidentAssetDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [searching, startSearch] = useTransition();

  useEffect(() => {
    const t = setTimeout(() => {
      startSearch(async () => {
        const res = await searchAssetsAction(q);
        if (res.ok) {
          setResults(res.data ?? []);
          setError(null);
        } else {
          setResults([]);
          setError(res.message ?? "The inventory could not be searched.");
        }
      });
    }, 250);
    return () => clearTimeout(t);
  }, [q]);

  const chosen = new Set(selected.map((a) => a.id));
  const candidates = results.filter((a) => !chosen.has(a.id));

  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="asset-picker">
      <p className="text-sm font-medium">Affected systems from the data inventory (optional)</p>
      {selected.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" data-testid="linked-assets">
          {selected.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="font-medium">{a.name}</span>
              <span className="flex items-center gap-2">
                <EncryptionBadge asset={a} />
                <Button type="button" variant="ghost" onClick={() => onChange(selected.filter((x) => x.id !== a.id))} aria-label={`Remove ${a.name}`}>Remove</Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <Field label="Search assets by name" hint="Linking pre-fills the encrypted answer, PHI and the categories below; you can change them.">
        <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. CRM, payroll, EHR" />
      </Field>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {!error && (
        <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-100 text-sm" aria-busy={searching} data-testid="asset-results">
          {candidates.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{searching ? "Searching…" : q ? "No other asset matches." : "No asset to add."}</li>
          ) : (
            candidates.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span>
                  <span className="font-medium">{a.name}</span>
                  <span className="block text-xs text-slate-500">{a.personalDataCategories.length ? `Personal data: ${a.personalDataCategories.join(", ")}` : "No personal data recorded"}</span>
                </span>
                <span className="flex items-center gap-2">
                  <EncryptionBadge asset={a} />
                  <Button type="button" variant="secondary" onClick={() => onChange([...selected, a])} aria-label={`Link ${a.name}`}>Link</Button>
                </span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
