"use client";
// The data elements involved, as checkboxes: the closed list the US state definitions of
// personal information are written in. Not ticking anything and leaving "not known yet" on keeps
// the state rows provisional ("needs the data elements to decide").
import { DATA_ELEMENTS, type DataElement } from "@/lib/breaches/types";
import { DATA_ELEMENT_LABELS } from "./data-element-labels";
import type { SetState, WizardState } from "./wizard-state";

export function DataElementsField({ s, setS }: { s: WizardState; setS: SetState }) {
  function toggle(e: DataElement, on: boolean) {
    setS((p) => {
      const next = new Set(p.elements);
      if (on) next.add(e); else next.delete(e);
      return { ...p, elements: next, elementsGiven: true, elementsTouched: true };
    });
  }
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="data-elements">
      <legend className="px-1 text-sm font-medium">Data elements involved (US state breach laws)</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={!s.elementsGiven} onChange={(e) => setS((p) => ({ ...p, elementsGiven: !e.target.checked, elementsTouched: true }))} />
        Not known yet (state obligations are shown as &ldquo;needs the data elements to decide&rdquo;)
      </label>
      <div className="grid gap-1 sm:grid-cols-2">
        {DATA_ELEMENTS.map((e) => (
          <label key={e} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="dataElements" value={e} checked={s.elementsGiven && s.elements.has(e)} onChange={(ev) => toggle(e, ev.target.checked)} />
            {DATA_ELEMENT_LABELS[e]}
          </label>
        ))}
      </div>
      {!s.elementsTouched && s.elementsGiven && <p className="text-xs text-slate-500">Pre-filled from the linked assets&apos; personal-data categories; check them.</p>}
    </fieldset>
  );
}
