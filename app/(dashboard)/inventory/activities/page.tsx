import type { Metadata } from "next";
import Link from "next/link";
import { ArchivedFilterSelect } from "@/components/lifecycle/archive-controls";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ACTIVITY_ROLES, DATA_CATEGORIES, DPIA_STATUSES, LAWFUL_BASES, labelOf } from "@/lib/inventory/catalogue";
import { activityQuerySchema } from "@/lib/validation/inventory";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listActivities } from "@/lib/server/inventory/activities";
import { Forbidden } from "../../_components/forbidden";
import { CategoryBadges, FindingCount } from "../_components/category-badges";
import { InventoryTabs } from "../_components/inventory-nav";
import { listQuery, Pagination, searchParamsRecord, SortLink } from "../_components/pagination";

export const metadata: Metadata = { title: "Processing activities" };
const PAGE_SIZE = 20;

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("inventory:read");
  if (denied) return <Forbidden what="the data inventory" />;
  const params = searchParamsRecord(await searchParams);
  const { query, page, filtersInvalid } = listQuery(params, activityQuerySchema, PAGE_SIZE);
  const { items, total } = await listActivities(actor, { ...query, cursor: undefined, page });
  const base = "/inventory/activities";
  return (
    <>
      <PageHeader
        title="Processing activities"
        description="The GDPR Art. 30 records of processing: why personal data is processed, on what lawful basis, who receives it and where it goes."
        actions={
          <div className="flex gap-2">
            <a href="/inventory/export/art30.pdf" download className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50">Art. 30 record (PDF)</a>
            {can(actor, "inventory:write") && <Link href="/inventory/activities/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">New activity</Link>}
          </div>
        }
      />
      <InventoryTabs current="activities" />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-6" role="search">
        <Field label="Search"><Input name="q" defaultValue={query.q} placeholder="name, controller" /></Field>
        <Field label="Role"><Select name="role" defaultValue={query.role ?? ""}><option value="">Any</option>{ACTIVITY_ROLES.map(([c, l]) => <option key={c} value={c}>{l}</option>)}</Select></Field>
        <Field label="Lawful basis"><Select name="lawfulBasis" defaultValue={query.lawfulBasis ?? ""}><option value="">Any</option>{LAWFUL_BASES.map(([c, l]) => <option key={c} value={c}>{l}</option>)}</Select></Field>
        <Field label="Data category"><Select name="category" defaultValue={query.category ?? ""}><option value="">Any</option>{DATA_CATEGORIES.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}</Select></Field>
        <ArchivedFilterSelect value={query.archived} />
        <div className="flex items-end gap-2">
          {query.sort !== "name" && <input type="hidden" name="sort" value={query.sort} />}
          {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
          <Button type="submit">Filter</Button>
          <Link href={base} className="px-2 py-1.5 text-sm text-slate-600 hover:underline">Clear</Link>
        </div>
        {filtersInvalid && <p role="alert" className="text-sm text-red-600 sm:col-span-6">Some filters were invalid and were ignored.</p>}
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2"><SortLink basePath={base} params={params} field="name" label="Name" /></th>
              <th className="px-3">Role</th>
              <th className="px-3">Lawful bases</th>
              <th className="px-3">Personal data</th>
              <th className="px-3">DPIA</th>
              <th className="px-3"><SortLink basePath={base} params={params} field="nextReviewAt" label="Next review" /></th>
              <th className="px-3">Findings</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.length === 0 && <tr><td colSpan={7} className="px-3 py-6 text-center text-slate-500">No processing activities match.</td></tr>}
            {items.map((p) => (
              <tr key={p.id} data-testid={`activity-row-${p.name}`}>
                <td className="px-3 py-2 font-medium"><Link href={`${base}/${p.id}`} className="text-indigo-700 hover:underline">{p.name}</Link>{p.archivedAt && <Badge tone="gray">Archived</Badge>}<div className="text-xs font-normal text-slate-500">{p.controllerName}</div></td>
                <td className="px-3 text-xs">{p.role === "processor" ? "Processor" : "Controller"}</td>
                <td className="px-3 text-xs">
                  {p.purposes.length === 0 ? <Badge tone="red">none</Badge> : [...new Set(p.purposes.map((x) => (x.lawfulBasis ? labelOf(LAWFUL_BASES, x.lawfulBasis).split(" ")[1] : "missing")))].map((b) => <span key={b} className={`mr-1 ${b === "missing" ? "text-red-700" : ""}`}>{b}</span>)}
                </td>
                <td className="px-3"><CategoryBadges codes={p.dataCategories} max={3} /></td>
                <td className="px-3 text-xs">{p.dpiaRequired ? labelOf(DPIA_STATUSES, p.dpiaStatus) : "not required"}</td>
                <td className={`px-3 text-xs ${p.reviewOverdue ? "font-semibold text-amber-700" : ""}`}>{p.nextReviewAt ?? "—"}{p.reviewOverdue ? " (overdue)" : ""}</td>
                <td className="px-3"><FindingCount n={p.findings.length} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination basePath={base} params={params} page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
