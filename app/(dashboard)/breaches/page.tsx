import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ZonedTime } from "@/components/ui/zoned-time";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { obligationLabel } from "@/lib/breaches/reports";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { orgTimeZone } from "@/lib/server/breaches/incident-core";
import { listIncidents } from "@/lib/server/breaches/query-incidents";
import { Forbidden } from "../_components/forbidden";
import { Countdown } from "./_components/countdown";

export const metadata: Metadata = { title: "Breaches" };

const STATUS_TONE = { open: "red", contained: "amber", closed: "gray" } as const;

export default async function BreachesPage({ searchParams }: { searchParams: Promise<{ page?: string; status?: string }> }) {
  const { actor, denied } = await pageActor("breach:read");
  if (denied) return <Forbidden what="breach records" />;
  const sp = await searchParams;
  const page = Number(sp.page ?? "1") || 1;
  const [list, timeZone] = await Promise.all([listIncidents(actor, { page, status: sp.status }), orgTimeZone()]);
  const renderedAt = Date.now();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const canExport = can(actor, "breach:export");
  return (
    <>
      <PageHeader
        title="Breaches"
        description={`Incidents and every legal notification clock they start (GDPR, UK GDPR, HIPAA, California and other US states, EU AI Act). Sorted by the nearest deadline; times in ${timeZone}.`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {canExport && (
              <>
                <a className="rounded-md px-3 py-1.5 text-sm font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" href="/breaches/export/register.csv">Register CSV</a>
                <a className="rounded-md px-3 py-1.5 text-sm font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" href="/breaches/export/register.xlsx">Register XLSX</a>
                <a className="rounded-md px-3 py-1.5 text-sm font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" href="/breaches/export/obligations.csv" title="One row per notification obligation of every incident">Obligations CSV</a>
                <a className="rounded-md px-3 py-1.5 text-sm font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" href="/breaches/export/register.json">JSON</a>
              </>
            )}
            {can(actor, "breach:write") && (
              <Link href="/breaches/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">Report an incident</Link>
            )}
          </div>
        }
      />
      <nav aria-label="Filter by status" className="mb-3 flex gap-2 text-sm">
        {[undefined, "open", "contained", "closed"].map((s) => (
          <Link key={s ?? "all"} href={s ? `/breaches?status=${s}` : "/breaches"} aria-current={sp.status === s ? "page" : undefined} className={`rounded-md px-2 py-1 ${sp.status === s ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}>
            {s ?? "All"}
          </Link>
        ))}
      </nav>
      {list.total === 0 ? (
        <EmptyState title="No incidents recorded">
          <p>When something goes wrong, report it here: the deadline engine lists every notice the law requires, with its due time and citation.</p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="incident-list">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr><th className="px-4 py-2">Next deadline</th><th className="px-4">Incident</th><th className="px-4">Status</th><th className="px-4">Affected</th><th className="px-4">Notices</th><th className="px-4">Discovered</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.items.map((i) => (
                <tr key={i.id} data-testid={`incident-row-${i.reference}`} className="align-top">
                  <td className="px-4 py-3">
                    {i.nextDue ? (
                      <div className="space-y-1">
                        <Countdown dueAt={i.nextDue.dueAt} renderedAt={renderedAt} />
                        <div className="text-xs text-slate-600">{obligationLabel({ regime: i.nextDue.regime, recipient: i.nextDue.recipient as never, jurisdiction: i.nextDue.jurisdiction ?? undefined })}</div>
                        <div className="text-xs text-slate-500"><ZonedTime value={i.nextDue.dueAt} zone={timeZone} /></div>
                      </div>
                    ) : i.pending > 0 ? (
                      <span className="text-xs text-slate-600">{i.pending} without a fixed time</span>
                    ) : (
                      <span className="text-xs text-emerald-700">Nothing pending</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <Link href={`/breaches/${i.id}`} className="font-medium text-indigo-700 hover:underline">{i.title}</Link>
                    <div className="text-xs text-slate-500">{i.reference}</div>
                  </td>
                  <td className="px-4 py-3"><Badge tone={STATUS_TONE[i.status]}>{i.status}</Badge></td>
                  <td className="px-4 py-3 text-xs">{i.totalAffected.toLocaleString("en-US")}<div className="text-slate-500">{i.jurisdictions.join(", ")}</div></td>
                  <td className="px-4 py-3 text-xs">
                    {i.overdue > 0 && <Badge tone="red">{i.overdue} overdue</Badge>} <span className="text-slate-600">{i.pending} pending of {i.obligations}</span>
                  </td>
                  <td className="px-4 py-3 text-xs text-slate-600"><ZonedTime value={i.discoveredAt} zone={timeZone} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <div className="flex items-center justify-between border-t border-slate-100 px-4 py-2 text-sm">
              <span>Page {list.page} of {pages}</span>
              <span className="flex gap-3">
                {list.page > 1 && <Link className="text-indigo-700" href={`/breaches?page=${list.page - 1}${sp.status ? `&status=${sp.status}` : ""}`}>Previous</Link>}
                {list.page < pages && <Link className="text-indigo-700" href={`/breaches?page=${list.page + 1}${sp.status ? `&status=${sp.status}` : ""}`}>Next</Link>}
              </span>
            </div>
          )}
        </div>
      )}
    </>
  );
}
