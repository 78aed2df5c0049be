import type { Metadata } from "next";
import Link from "next/link";
import { ArchivedFilterSelect } from "@/components/lifecycle/archive-controls";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { DATA_CATEGORIES, ENCRYPTION_AT_REST, HOSTING, labelOf } from "@/lib/inventory/catalogue";
import { assetQuerySchema } from "@/lib/validation/inventory";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listAssets } from "@/lib/server/inventory/assets";
import { Forbidden } from "../../_components/forbidden";
import { CategoryBadges, FindingCount } from "../_components/category-badges";
import { InventoryTabs } from "../_components/inventory-nav";
import { listQuery, Pagination, searchParamsRecord, SortLink } from "../_components/pagination";

export const metadata: Metadata = { title: "Systems & assets" };
const PAGE_SIZE = 20;

export default async function AssetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("inventory:read");
  if (denied) return <Forbidden what="the data inventory" />;
  const params = searchParamsRecord(await searchParams);
  const { query, page, filtersInvalid } = listQuery(params, assetQuerySchema, PAGE_SIZE);
  const { items, total } = await listAssets(actor, { ...query, cursor: undefined, page });
  const base = "/inventory/assets";
  return (
    <>
      <PageHeader
        title="Systems & assets"
        description="Where personal data lives and how it is protected."
        actions={can(actor, "inventory:write") ? <Link href="/inventory/assets/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">New asset</Link> : undefined}
      />
      <InventoryTabs current="assets" />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-6" role="search">
        <Field label="Search"><Input name="q" defaultValue={query.q} placeholder="name, description, unit" /></Field>
        <Field label="Hosting"><Select name="hosting" defaultValue={query.hosting ?? ""}><option value="">Any</option>{HOSTING.map(([c, l]) => <option key={c} value={c}>{l}</option>)}</Select></Field>
        <Field label="Data category"><Select name="category" defaultValue={query.category ?? ""}><option value="">Any</option>{DATA_CATEGORIES.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}</Select></Field>
        <Field label="Encryption at rest"><Select name="encryptionAtRest" defaultValue={query.encryptionAtRest ?? ""}><option value="">Any</option>{ENCRYPTION_AT_REST.map(([c, l]) => <option key={c} value={c}>{l}</option>)}</Select></Field>
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
              <th className="px-3">Hosting</th>
              <th className="px-3">Personal data</th>
              <th className="px-3">Encryption at rest</th>
              <th className="px-3">Owner</th>
              <th className="px-3"><SortLink basePath={base} params={params} field="nextReviewAt" label="Next review" /></th>
              <th className="px-3">Findings</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.length === 0 && <tr><td colSpan={7} className="px-3 py-6 text-center text-slate-500">No assets match.</td></tr>}
            {items.map((a) => (
              <tr key={a.id} data-testid={`asset-row-${a.name}`}>
                <td className="px-3 py-2 font-medium"><Link href={`${base}/${a.id}`} className="text-indigo-700 hover:underline">{a.name}</Link>{a.archivedAt && <Badge tone="gray">Archived</Badge>}<div className="text-xs font-normal text-slate-500">{a.businessUnit}</div></td>
                <td className="px-3 text-xs">{labelOf(HOSTING, a.hosting)}{a.hostingProvider ? ` · ${a.hostingProvider}` : ""}<div className="text-slate-500">{a.locations.join(", ")}</div></td>
                <td className="px-3"><CategoryBadges codes={a.dataCategories} /></td>
                <td className="px-3">{a.encryptionAtRest === "none" ? <Badge tone={a.dataCategories.length ? "red" : "gray"}>None</Badge> : <Badge tone="green">{labelOf(ENCRYPTION_AT_REST, a.encryptionAtRest)}</Badge>}</td>
                <td className="px-3 text-xs">{a.owner?.name ?? <span className="text-slate-500">—</span>}</td>
                <td className={`px-3 text-xs ${a.reviewOverdue ? "font-semibold text-amber-700" : ""}`}>{a.nextReviewAt ?? "—"}{a.reviewOverdue ? " (overdue)" : ""}</td>
                <td className="px-3"><FindingCount n={a.findings.length} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination basePath={base} params={params} page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
