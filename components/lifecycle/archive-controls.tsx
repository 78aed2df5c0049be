"use client";
// Archive / restore on a record's page (docs/decisions/101). An archived record shows who
// archived it and when, with Restore for those who may write; an active one shows Archive.
import type { ReactNode } from "react";
import { ActionButton } from "@/components/forms/action-button";
import { Field, Select } from "@/components/ui/field";
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
  const intent = archivedAt ? "restore" : "archive";
  if (!archivedAt && !canWrite) return null;
  const form = canWrite && (
    <ActionButton action={action} fields={{ id, kind, intent }} variant={archivedAt ? "primary" : "secondary"} formClassName="inline-flex flex-col items-end gap-1">
      {archivedAt ? "Restore" : `Archive ${what}`}
    </ActionButton>
  );
  // One element in one place for both states, so the form keeps its result across the
  // re-render that swaps Archive for Restore (a re-mounted form would lose its toast).
  return (
    <div className="mb-4 space-y-2">
      <div
        role={archivedAt ? "status" : undefined}
        data-testid={archivedAt ? "archived-banner" : undefined}
        className={archivedAt ? "flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" : "flex justify-end"}
      >
        {archivedAt && (
          <span>
            <strong>Archived</strong> on {archivedWhen} by {archivedBy ?? "unknown"}. It is left out of lists, counts and findings; its history is kept.
          </span>
        )}
        {form}
      </div>
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
