"use client";
// Archive / restore on a record's page (docs/decisions/101). An archived record shows who
// archived it and when, with Restore for those who may write; an active one shows Archive.
import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";

type Props = {
  /** The area's server action; it reads `id`, `kind` and `intent` (archive | restore). */
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  id: string;
  kind: string;
  what: string;
  archivedAt: string | null;
  /** The archive date as the page renders dates (DateTime, in the organisation's zone). */
  archivedWhen: ReactNode;
  archivedBy: string | null;
  canWrite: boolean;
};

export function ArchiveControls({ action, id, kind, what, archivedAt, archivedWhen, archivedBy, canWrite }: Props) {
  const [state, run, pending] = useActionState(action, null);
  const intent = archivedAt ? "restore" : "archive";
  if (!archivedAt && !canWrite) return null;
  const form = canWrite && (
    <form action={run} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant={archivedAt ? "primary" : "secondary"} disabled={pending}>
        {archivedAt ? "Restore" : `Archive ${what}`}
      </Button>
    </form>
  );
  return (
    <div className="mb-4 space-y-2">
      {archivedAt ? (
        <div role="status" data-testid="archived-banner" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>
            <strong>Archived</strong> on {archivedWhen} by {archivedBy ?? "unknown"}. It is left out of lists, counts and findings; its history is kept.
          </span>
          {form}
        </div>
      ) : (
        <div className="flex justify-end">{form}</div>
      )}
      <FormMessage state={state} />
    </div>
  );
}

/** The "Show archived" filter of a list: one GET parameter, active / archived / all. */
export function ArchivedFilterSelect({ value }: { value: string }) {
  return (
    <Field label="Show archived">
      <Select name="archived" defaultValue={value}>
        <option value="active">Active only</option>
        <option value="archived">Archived only</option>
        <option value="all">Active and archived</option>
      </Select>
    </Field>
  );
}
