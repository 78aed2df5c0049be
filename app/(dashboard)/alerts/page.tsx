import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { can } from "@/lib/server/authz";
import { alertQuerySchema } from "@/lib/alerts/schemas";
import { listAlerts } from "@/lib/server/alerts/alerts";
import { pageActor } from "@/lib/server/auth/page-guard";
import { Forbidden } from "../_components/forbidden";
import { AckForm } from "./ack-form";

export const metadata: Metadata = { title: "Alerts" };

const SEVERITY_TONE = { high: "red", medium: "amber", low: "gray" } as const;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("alerts:read");
  if (denied) return <Forbidden what="alerts" />;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v));
  const parsed = alertQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : alertQuerySchema.parse({});
  const { alerts, nextBefore } = await listAlerts(actor, q);
  const mayAck = can(actor, "alerts:acknowledge");
  const tab = (status: string | undefined, label: string) => (
    <Link href={status ? `/alerts?status=${status}` : "/alerts"} aria-current={q.status === status ? "page" : undefined} className={`rounded-md px-3 py-1.5 text-sm ${q.status === status ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100"}`}>{label}</Link>
  );
  return (
    <>
      <PageHeader title="Alerts" description="Anomalies found in the audit log every minute: failed sign-ins per account or address, exports far above a person's norm, sign-ins at unusual hours, storms of permission denials, API keys used from a new network. Thresholds are settings on the Admin page. Acknowledging is audited." />
      <nav aria-label="Alert status" className="mb-4 flex gap-2">{tab(undefined, "All")}{tab("open", "Open")}{tab("acknowledged", "Acknowledged")}</nav>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr><th className="px-3 py-2">Raised</th><th className="px-3">Severity</th><th className="px-3">Rule</th><th className="px-3">What</th><th className="px-3">Subject</th><th className="px-3">Evidence</th><th className="px-3">Status</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {alerts.length === 0 && <tr><td colSpan={7} className="px-3 py-6 text-center text-slate-500">No alerts.</td></tr>}
            {alerts.map((a) => (
              <tr key={a.id} className="align-top">
                <td className="whitespace-nowrap px-3 py-2 text-xs"><DateTime value={a.createdAt} /></td>
                <td className="px-3 py-2"><Badge tone={SEVERITY_TONE[a.severity]}>{a.severity}</Badge></td>
                <td className="px-3 py-2 font-mono text-xs">{a.rule}</td>
                <td className="px-3 py-2 text-xs">{a.summary}<div className="text-slate-500"><DateTime value={a.windowStart} /> – <DateTime value={a.windowEnd} /></div></td>
                <td className="px-3 py-2 font-mono text-xs">{a.subjectType} {a.subjectId.slice(0, 24)}</td>
                <td className="px-3 py-2 text-xs">
                  {a.evidence.count} events{a.evidence.seqs.length > 0 && <>: {a.evidence.seqs.slice(0, 5).map((s) => <Link key={s} className="mr-1 text-indigo-600 hover:underline" href={`/audit/events/${s}`}>#{s}</Link>)}</>}
                </td>
                <td className="px-3 py-2 text-xs">
                  {a.status === "open" ? (mayAck ? <AckForm id={a.id} /> : <Badge tone="red">open</Badge>) : <><Badge tone="green">acknowledged</Badge><div className="mt-1 text-slate-600">{a.ackComment}</div><div className="text-slate-500"><DateTime value={a.ackAt} fallback="" /></div></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore && <Link href={`/alerts?${new URLSearchParams({ ...(q.status ? { status: q.status } : {}), before: nextBefore })}`} className="mt-4 inline-block text-sm font-semibold text-indigo-600 hover:underline">Older alerts →</Link>}
    </>
  );
}
