import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { AUDIT_AREAS, AUDIT_AREA_KEYS, detailFields } from "@/lib/audit/presentation";
import { entityLabels } from "@/lib/server/audit/entity-labels";
import { pageActor } from "@/lib/server/auth/page-guard";
import { auditFilterSchema, listAuditEvents } from "@/lib/server/audit/list-audit";
import { auditLogStatus } from "@/lib/server/audit/status";
import { LogStatus } from "./log-status";
import { Forbidden } from "../_components/forbidden";
import { VerifyButton } from "./verify-button";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("audit:read");
  if (denied) return <Forbidden what="the audit log" />;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v));
  const parsed = auditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : auditFilterSchema.parse({});
  const [{ events, nextBefore }, status] = await Promise.all([listAuditEvents(actor, filter), auditLogStatus(actor)]);
  const labels = await entityLabels(events);
  const nextParams = new URLSearchParams({ ...(raw as Record<string, string>), before: String(nextBefore ?? "") });
  const { before: _before, limit: _limit, ...exportFilter } = raw as Record<string, string>;
  const exportHref = `/audit/export?${new URLSearchParams(exportFilter)}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in, denial, export and reveal. Each event becomes a leaf of a Merkle tree (SHA-256) whose heads are signed with Ed25519 within seconds; anyone with the public key can check an event's proof offline. Nothing here can be edited from the app."
        actions={
          <div className="flex flex-wrap items-start gap-2">
            <a href={exportHref} download className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50">Export these events (CSV)</a>
            <VerifyButton />
          </div>
        }
      />
      <LogStatus s={status} />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <Field label="Area">
          <Select name="area" defaultValue={filter.area ?? ""}>
            <option value="">All areas</option>
            {AUDIT_AREA_KEYS.map((k) => <option key={k} value={k}>{AUDIT_AREAS[k].label}</option>)}
          </Select>
        </Field>
        <Field label="Actor"><Input name="actor" defaultValue={filter.actor} placeholder="email or key" /></Field>
        <Field label="Action"><Input name="action" defaultValue={filter.action} placeholder="e.g. user. or auth.signin" /></Field>
        <Field label="Entity"><Input name="entity" defaultValue={filter.entity} placeholder="type or id" /></Field>
        <Field label="From (UTC)"><Input name="from" type="date" defaultValue={filter.from} /></Field>
        <Field label="To (UTC)"><Input name="to" type="date" defaultValue={filter.to} /></Field>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <Button type="submit">Filter</Button>
          <Link href="/audit" className="px-3 py-1.5 text-sm text-slate-600 hover:underline">Clear</Link>
          {!parsed.success && <p role="alert" className="text-sm text-red-600">Some filters were invalid and were ignored.</p>}
        </div>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr><th className="px-3 py-2">Seq</th><th className="px-3">Time</th><th className="px-3">Actor</th><th className="px-3">Action</th><th className="px-3">Entity</th><th className="px-3">Details</th><th className="px-3">IP</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.length === 0 && (
              <tr><td colSpan={7} className="px-3 py-6 text-center text-slate-500">No events match these filters.</td></tr>
            )}
            {events.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="px-3 py-2 font-mono text-xs" title={e.hash ?? undefined}>
                  {e.seq ? <Link className="text-indigo-600 hover:underline" href={`/audit/events/${e.seq}`}>{e.seq}</Link> : <span className="text-slate-500" title="Sealed within seconds">unsealed</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-xs"><DateTime value={e.at} /></td>
                <td className="px-3 py-2 text-xs">{e.actorLabel}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2 text-xs"><EntityCell type={e.entityType} id={e.entityId} label={labels.get(`${e.entityType}:${e.entityId}`)} /></td>
                <td className="min-w-64 px-3 py-2 text-xs text-slate-700"><Details diff={e.diff} /></td>
                <td className="px-3 py-2 text-xs">{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore && (
        <Link href={`/audit?${nextParams}`} className="mt-4 inline-block text-sm font-semibold text-indigo-600 hover:underline">Older events →</Link>
      )}
    </>
  );
}

function EntityCell({ type, id, label }: { type: string | null; id: string | null; label?: { label: string; href: string | null } }) {
  if (!type) return <span className="text-slate-500">—</span>;
  const name = label?.label ?? (id ? id.slice(0, 12) : "");
  return (
    <span title={id ?? undefined}>
      <span className="text-slate-500">{type.replace(/([a-z])([A-Z])/g, "$1 $2")}</span>{" "}
      {label?.href ? <Link href={label.href} className="text-indigo-700 hover:underline">{name}</Link> : <span>{name}</span>}
    </span>
  );
}

/** Labelled fields; more than four fold away so one event cannot make the page thousands of pixels tall. */
function Details({ diff }: { diff: string | null }) {
  const fields = detailFields(diff);
  if (fields.length === 0) return <span className="text-slate-500">—</span>;
  const list = (fs: typeof fields) => (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2">
      {fs.map((f, i) => <div key={i} className="contents"><dt className="text-slate-500">{f.label}</dt><dd className="break-words">{f.value.length > 160 ? `${f.value.slice(0, 160)}…` : f.value}</dd></div>)}
    </dl>
  );
  if (fields.length <= 4) return list(fields);
  return (
    <details>
      <summary className="cursor-pointer">{list(fields.slice(0, 3))}<span className="text-indigo-700">{fields.length - 3} more…</span></summary>
      {list(fields.slice(3))}
    </details>
  );
}
