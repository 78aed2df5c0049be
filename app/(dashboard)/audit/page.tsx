import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
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
  const nextParams = new URLSearchParams({ ...(raw as Record<string, string>), before: String(nextBefore ?? "") });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in, denial, export and reveal. Each event becomes a leaf of a Merkle tree (SHA-256) whose heads are signed with Ed25519 within seconds; anyone with the public key can check an event's proof offline. Nothing here can be edited from the app."
        actions={<VerifyButton />}
      />
      <LogStatus s={status} />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5">
        <Field label="Actor"><Input name="actor" defaultValue={filter.actor} placeholder="email or key" /></Field>
        <Field label="Action"><Input name="action" defaultValue={filter.action} placeholder="e.g. user. or auth.signin" /></Field>
        <Field label="Entity"><Input name="entity" defaultValue={filter.entity} placeholder="type or id" /></Field>
        <Field label="From (UTC)"><Input name="from" type="date" defaultValue={filter.from} /></Field>
        <Field label="To (UTC)"><Input name="to" type="date" defaultValue={filter.to} /></Field>
        <div className="flex gap-2 sm:col-span-5">
          <Button type="submit">Filter</Button>
          <Link href="/audit" className="px-3 py-1.5 text-sm text-slate-600 hover:underline">Clear</Link>
          {!parsed.success && <p role="alert" className="text-sm text-red-600">Some filters were invalid and were ignored.</p>}
        </div>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr><th className="px-3 py-2">Seq</th><th className="px-3">Time (UTC)</th><th className="px-3">Actor</th><th className="px-3">Action</th><th className="px-3">Entity</th><th className="px-3">Details</th><th className="px-3">IP</th></tr>
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
                <td className="whitespace-nowrap px-3 py-2 text-xs">{e.at.replace("T", " ").slice(0, 19)}</td>
                <td className="px-3 py-2 text-xs">{e.actorLabel}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2 text-xs">{e.entityType}{e.entityId ? ` ${e.entityId.slice(0, 12)}` : ""}</td>
                <td className="max-w-xs break-all px-3 py-2 font-mono text-xs text-slate-600">{e.diff}</td>
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
