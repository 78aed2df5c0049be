import type { Metadata } from "next";
import Link from "next/link";
import { ArchivedFilterSelect } from "@/components/lifecycle/archive-controls";
import { Card, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { AREA_LABELS, AREAS, CONTROL_STATUSES, FRAMEWORK_LABELS, FRAMEWORKS, STATUS_LABELS } from "@/lib/posture/types";
import { controlFilterSchema } from "@/lib/validation/posture";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listControls } from "@/lib/server/posture/controls";
import { Forbidden } from "../../_components/forbidden";
import { CreateControlForm } from "../_components/forms";
import { StatusBadge } from "../_components/status-badge";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Controls" };

export default async function ControlsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("posture:read");
  if (denied) return <Forbidden what="controls" />;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== "")) as Record<string, string>;
  const parsed = controlFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : controlFilterSchema.parse({});
  const page = await listControls(actor, filter);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const qs = (over: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ area: filter.area, framework: filter.framework, status: filter.status, archived: filter.archived === "active" ? undefined : filter.archived, page: filter.page, ...over })) if (v !== undefined) p.set(k, String(v));
    return `/posture/controls?${p}`;
  };
  return (
    <>
      <PageHeader
        title="Controls"
        description="The catalogue: security best practice and regulation requirements, each with its citation, owner, review frequency and, where the records allow, an automated test."
        actions={<a href="/posture/export?chart=controls" className="rounded-md px-3 py-1.5 text-sm font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50" download>Download CSV</a>}
      />
      <Card>
        <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
          <label className="flex flex-col gap-1">Area
            <select name="area" defaultValue={filter.area ?? ""} className="rounded-md px-2 py-1 ring-1 ring-slate-300"><option value="">All</option>{AREAS.map((a) => <option key={a} value={a}>{AREA_LABELS[a]}</option>)}</select>
          </label>
          <label className="flex flex-col gap-1">Framework
            <select name="framework" defaultValue={filter.framework ?? ""} className="rounded-md px-2 py-1 ring-1 ring-slate-300"><option value="">All</option>{FRAMEWORKS.map((f) => <option key={f} value={f}>{FRAMEWORK_LABELS[f]}</option>)}</select>
          </label>
          <label className="flex flex-col gap-1">Status
            <select name="status" defaultValue={filter.status ?? ""} className="rounded-md px-2 py-1 ring-1 ring-slate-300">
              <option value="">All</option>
              {CONTROL_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
              <option value="overdue">Review overdue</option>
              <option value="failing">Automated test failing</option>
            </select>
          </label>
          <ArchivedFilterSelect value={filter.archived} />
          <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 font-semibold text-white">Filter</button>
          <span className="text-slate-500">{page.total} control{page.total === 1 ? "" : "s"}</span>
        </form>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" aria-label="Controls">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr><th className="py-2 pr-4">Control</th><th className="pr-4">Area</th><th className="pr-4">Citation</th><th className="pr-4">Owner</th><th className="pr-4">Status</th><th>Next review</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.controls.map((c) => (
                <tr key={c.id} data-testid={`control-row-${c.id}`}>
                  <td className="py-2 pr-4"><Link href={`/posture/controls/${encodeURIComponent(c.id)}`} className="font-medium text-indigo-700 hover:underline"><span className="font-mono text-xs">{c.id}</span> {c.title}</Link>{c.automated && <span className="ml-2"><Badge tone="indigo">automated</Badge></span>}{c.archivedAt && <span className="ml-2"><Badge tone="gray">Archived</Badge></span>}</td>
                  <td className="pr-4">{AREA_LABELS[c.area]}</td>
                  <td className="pr-4 text-xs text-slate-600">{c.citation}</td>
                  <td className="pr-4">{c.owner ?? "—"}</td>
                  <td className="pr-4"><StatusBadge status={c.status} /></td>
                  <td className="whitespace-nowrap">{c.automated ? "continuous" : <DateTime value={c.nextReviewAt} style="date" />}{c.overdue && <span className="ml-1"><Badge tone="amber">overdue</Badge></span>}</td>
                </tr>
              ))}
              {page.controls.length === 0 && <tr><td colSpan={6} className="py-6 text-center text-slate-600">No control matches this filter.</td></tr>}
            </tbody>
          </table>
        </div>
        {pages > 1 && (
          <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
            {filter.page > 1 && <Link href={qs({ page: filter.page - 1 })} className="text-indigo-600 hover:underline">Previous</Link>}
            <span>Page {filter.page} of {pages}</span>
            {filter.page < pages && <Link href={qs({ page: filter.page + 1 })} className="text-indigo-600 hover:underline">Next</Link>}
          </nav>
        )}
      </Card>
      {can(actor, "posture:write") && (
        <div className="mt-6">
          <Card title="Add a custom control" description="For an internal policy, a contract clause or a requirement the catalogue does not hold yet.">
            <CreateControlForm />
          </Card>
        </div>
      )}
    </>
  );
}
