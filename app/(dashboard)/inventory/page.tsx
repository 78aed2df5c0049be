import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RULES, type FindingRule } from "@/lib/inventory/findings";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { inventoryOverview } from "@/lib/server/inventory/overview";
import { Forbidden } from "../_components/forbidden";
import { FindingsList, recordHref } from "./_components/findings-list";
import { Pagination, searchParamsRecord } from "./_components/pagination";
import { ExportLinks, InventoryTabs } from "./_components/inventory-nav";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Data inventory" };

function Stat({ label, value, href, tone = "slate", testId }: { label: string; value: number; href?: string; tone?: "slate" | "red" | "amber"; testId: string }) {
  const color = tone === "red" && value > 0 ? "text-red-700" : tone === "amber" && value > 0 ? "text-amber-700" : "text-slate-900";
  const body = (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-bold ${color}`} data-testid={testId}>{value}</p>
    </div>
  );
  return href ? <Link href={href} className="block hover:opacity-90">{body}</Link> : body;
}

// An inventory of 10,000 assets has tens of thousands of findings: the page shows them a page
// at a time, filtered by rule, and the first overdue reviews (the full HTML was 31 MB).
const FINDINGS_PAGE = 50;
const OVERDUE_SHOWN = 20;
const isRule = (v: string | undefined): v is FindingRule => !!v && Object.hasOwn(RULES, v);

export default async function InventoryOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("inventory:read");
  if (denied) return <Forbidden what="the data inventory" />;
  const params = searchParamsRecord(await searchParams);
  const rule = isRule(params.rule) ? params.rule : null;
  const ov = await inventoryOverview(actor);
  const write = can(actor, "inventory:write");
  const filtered = rule ? ov.findings.filter((f) => f.rule === rule) : ov.findings;
  const pages = Math.max(1, Math.ceil(filtered.length / FINDINGS_PAGE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1));
  const shown = filtered.slice((page - 1) * FINDINGS_PAGE, page * FINDINGS_PAGE);
  const ruleHref = (r: FindingRule | null) => (r ? `/inventory?${new URLSearchParams({ rule: r })}` : "/inventory");
  return (
    <>
      <PageHeader
        title="Data inventory"
        description="What personal data the organisation holds, where, how it is protected and why it is processed: systems and data assets, and the GDPR Art. 30 records of processing."
        actions={
          write ? (
            <div className="flex gap-2">
              <Link href="/inventory/assets/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">New asset</Link>
              <Link href="/inventory/activities/new" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50">New activity</Link>
            </div>
          ) : undefined
        }
      />
      <InventoryTabs current="overview" />
      <div className="mb-6 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Assets" value={ov.counts.assets} href="/inventory/assets" testId="count-assets" />
        <Stat label="With personal data" value={ov.counts.assetsWithPersonalData} testId="count-personal" />
        <Stat label="Activities" value={ov.counts.activities} href="/inventory/activities" testId="count-activities" />
        <Stat label="As processor" value={ov.counts.processorActivities} href="/inventory/activities?role=processor" testId="count-processor" />
        <Stat label="Open findings" value={ov.counts.findings} tone="red" testId="count-findings" />
        <Stat label="Reviews overdue" value={ov.counts.overdueReviews} tone="amber" testId="count-overdue" />
      </div>
      {ov.counts.assets === 0 && ov.counts.activities === 0 ? (
        <EmptyState title="No assets or processing activities yet">
          <p>Start with the systems that hold personal data, then record the processing activities that use them{write ? ", or import a CSV" : ""}.</p>
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <Card
              title={rule ? `Gap findings: ${RULES[rule].title}` : "Gap findings"}
              description="Computed from the records; each disappears as soon as its record is fixed. Highest severity first."
              actions={rule ? <Link href={ruleHref(null)} className="text-sm text-indigo-700 hover:underline">All rules</Link> : undefined}
            >
              <FindingsList findings={shown} empty={rule ? "No findings under this rule." : "No gaps found. Every record has what the rules ask for."} />
              {filtered.length > FINDINGS_PAGE && <Pagination basePath="/inventory" params={rule ? { rule } : {}} page={page} pageSize={FINDINGS_PAGE} total={filtered.length} />}
            </Card>
          </div>
          <div className="space-y-6">
            <Card title="Findings by rule">
              <ul className="space-y-1 text-sm" data-testid="findings-by-rule">
                {(Object.entries(RULES) as [FindingRule, (typeof RULES)[FindingRule]][]).map(([key, r]) => (
                  <li key={key} className="flex justify-between gap-2">
                    <span>
                      {ov.byRule[key] ? (
                        <Link href={ruleHref(key)} aria-current={key === rule ? "true" : undefined} className={`hover:underline ${key === rule ? "font-semibold text-indigo-700" : "text-indigo-700"}`}>{r.title}</Link>
                      ) : (
                        r.title
                      )}{" "}
                      <span className="text-xs text-slate-500">{r.citation}</span>
                    </span>
                    <span className={`font-semibold ${ov.byRule[key] ? "text-red-700" : "text-slate-500"}`}>{ov.byRule[key]}</span>
                  </li>
                ))}
              </ul>
            </Card>
            <Card title="Reviews overdue" description={`${ov.overdue.length} record${ov.overdue.length === 1 ? "" : "s"}`}>
              {ov.overdue.length === 0 ? (
                <p className="text-sm text-slate-600">Every review is up to date.</p>
              ) : (
                <ul className="space-y-1 text-sm" data-testid="overdue-list">
                  {ov.overdue.slice(0, OVERDUE_SHOWN).map((o) => (
                    <li key={o.id} className="flex justify-between gap-2">
                      <Link href={recordHref(o.kind, o.id)} className="text-indigo-700 hover:underline">{o.name}</Link>
                      <span className="text-xs text-amber-700">due <DateTime value={o.nextReviewAt} style="date" /></span>
                    </li>
                  ))}
                  {ov.overdue.length > OVERDUE_SHOWN && (
                    <li className="pt-1 text-slate-600" data-testid="overdue-more">
                      and {ov.overdue.length - OVERDUE_SHOWN} more, longest overdue first:{" "}
                      <Link href="/inventory/assets?sort=nextReviewAt&dir=asc" className="text-indigo-700 hover:underline">assets</Link>,{" "}
                      <Link href="/inventory/activities?sort=nextReviewAt&dir=asc" className="text-indigo-700 hover:underline">activities</Link> by next review
                    </li>
                  )}
                </ul>
              )}
            </Card>
            <Card title="Export and import">
              <ExportLinks />
              {write && <p className="mt-3 text-sm"><Link href="/inventory/import" className="text-indigo-700 hover:underline">Import assets or activities from CSV →</Link></p>}
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
