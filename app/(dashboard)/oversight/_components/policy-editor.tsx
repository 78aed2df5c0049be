"use client";
// The escalation policy editor: rows of rules (first match wins), a live summary in words,
// and a JSON tab for power users; both views edit the same rules. The rules are sent as
// JSON text in one hidden field and checked on the server with the API's zod schema; a
// refusal marks each bad row and field, and everything typed stays (the editor's state).
import { useMemo, useRef, useState } from "react";
import { ActionForm, FormStatus, SubmitButton, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ACTION_FIELDS, CONDITION_FIELDS, emptyRow, isRuleList, POLICY_FIELDS, rowsToRules, rulesToRows, type RuleRow } from "@/lib/oversight/policy-rows";
import { describePolicy } from "@/lib/oversight/policy-summary";
import { putPolicyAction } from "../actions";
import { PolicyRowEditor, type RowErrors } from "./policy-row";

const NO_ERRORS: RowErrors = { fields: {}, row: [] };
const pretty = (rules: unknown) => JSON.stringify(rules, null, 2);

/** Sorts the server's errors ("rules.1.when.confidenceBelow") onto the rows that were submitted, by row id. */
function errorsByRow(fieldErrors: Record<string, string> | undefined, submittedIds: readonly string[]) {
  const byRow = new Map<string, RowErrors>();
  const general: string[] = [];
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    const m = /^rules\.(\d+)(\.when)?(?:\.(\w+))?$/.exec(key);
    const id = m ? submittedIds[Number(m[1])] : undefined;
    if (!m || !id) {
      general.push(message);
      continue;
    }
    const e = byRow.get(id) ?? { fields: {}, row: [] };
    const field = m[3];
    const known: readonly string[] = m[2] ? CONDITION_FIELDS : ACTION_FIELDS;
    if (field && known.includes(field)) e.fields[field] = message;
    else e.row.push(message);
    byRow.set(id, e);
  }
  return { byRow, general };
}

/** "This policy means: …"; also the read-only view for people who may not edit the policy. */
export function PolicyMeaning({ rules }: { rules: readonly unknown[] | null }) {
  return (
    <section aria-label="This policy means" className="rounded-md bg-slate-50 p-3 text-sm" data-testid="policy-summary">
      <h4 className="font-semibold">This policy means:</h4>
      {rules ? <ol className="mt-1 space-y-1">{describePolicy(rules).map((line) => <li key={line}>{line}</li>)}</ol> : <p className="text-slate-600">(fix the JSON to see the summary)</p>}
    </section>
  );
}

export function PolicyEditor({ aiSystemId, rules, allowAdminReview }: { aiSystemId: string; rules: unknown[]; allowAdminReview: boolean }) {
  const form = useActionForm(putPolicyAction, POLICY_FIELDS);
  const [rows, setRows] = useState<RuleRow[]>(() => rulesToRows(rules));
  const [tab, setTab] = useState<"rows" | "json">("rows");
  const [jsonText, setJsonText] = useState(() => pretty(rules));
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [allowAdmins, setAllowAdmins] = useState(allowAdminReview);
  const submittedIds = useRef<string[]>([]);

  const current = useMemo(() => rowsToRules(rows), [rows]);
  const { byRow, general } = useMemo(() => (form.state?.ok ? { byRow: new Map<string, RowErrors>(), general: [] } : errorsByRow(form.state?.fieldErrors, submittedIds.current)), [form.state]);

  const updateRows = (next: RuleRow[]) => {
    setRows(next);
    setJsonText(pretty(rowsToRules(next)));
    setJsonProblem(null);
  };
  const editJson = (text: string) => {
    setJsonText(text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setJsonProblem(`Not valid JSON yet (${e instanceof SyntaxError ? e.message : "unreadable"}); the rows show the last valid version.`);
      return;
    }
    if (!isRuleList(parsed)) {
      setJsonProblem("The rules must be a list [ … ] of rules written as { … }; the rows show the last valid version.");
      return;
    }
    setJsonProblem(null);
    // Keep row ids by position so errors and React keys stay with their rows.
    setRows(rulesToRows(parsed).map((r, i) => ({ ...r, id: rows[i]?.id ?? r.id })));
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    updateRows(next);
  };

  // In the JSON tab with text that does not parse, the text itself is sent, so the refusal
  // quotes the problem instead of silently saving the last valid rows.
  const sent = tab === "json" && jsonProblem ? jsonText : JSON.stringify(current);
  return (
    <ActionForm form={form} className="space-y-3" aria-label="Escalation policy" onSubmit={() => (submittedIds.current = rows.map((r) => r.id))}>
      <input type="hidden" name="aiSystemId" value={aiSystemId} />
      <input type="hidden" name="rules" value={sent} />
      <div role="tablist" aria-label="Policy editor view" className="flex gap-1 border-b border-slate-200">
        {(["rows", "json"] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)} className={`px-3 py-1.5 text-sm ${tab === t ? "border-b-2 border-indigo-600 font-semibold" : "text-slate-600"}`}>
            {t === "rows" ? "Rules" : "JSON"}
          </button>
        ))}
      </div>
      {general.map((m) => <p key={m} role="alert" className="text-xs text-red-600">{m}</p>)}
      {tab === "rows" ? (
        <div className="space-y-3" role="tabpanel" aria-label="Rules">
          <p className="text-xs text-slate-600">Rules are checked from the top; the first whose conditions all hold decides.</p>
          {rows.map((row, i) => (
            <PolicyRowEditor key={row.id} row={row} index={i} count={rows.length} errors={byRow.get(row.id) ?? NO_ERRORS} onChange={(r) => updateRows(rows.map((x) => (x.id === r.id ? r : x)))} onMove={(by) => move(i, by)} onRemove={() => updateRows(rows.filter((x) => x.id !== row.id))} />
          ))}
          <Button type="button" variant="secondary" className="text-xs" onClick={() => updateRows([...rows, emptyRow()])}>Add rule</Button>
        </div>
      ) : (
        <div role="tabpanel" aria-label="JSON">
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-800">Rules as JSON</span>
            <textarea value={jsonText} onChange={(e) => editJson(e.target.value)} rows={10} spellCheck={false} aria-invalid={!!jsonProblem || undefined} className="block w-full rounded-md border-0 px-2.5 py-1.5 font-mono text-xs shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-red-500" />
          </label>
          {jsonProblem && <p className="mt-1 text-xs text-amber-700">{jsonProblem}</p>}
          {!form.state?.ok && byRow.size > 0 && (
            <ul className="mt-1 text-xs text-red-600">{[...byRow.values()].flatMap((e) => [...e.row, ...Object.values(e.fields)]).map((m) => <li key={m}>{m}</li>)}</ul>
          )}
        </div>
      )}
      {tab === "json" && jsonProblem ? <PolicyMeaning rules={null} /> : <PolicyMeaning rules={current} />}
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="allowAdminReview" checked={allowAdmins} onChange={(e) => setAllowAdmins(e.target.checked)} /> Admins and compliance officers may review too</label>
      <FormStatus form={form} />
      <SubmitButton pending={form.pending} variant="secondary">Save policy</SubmitButton>
    </ActionForm>
  );
}
