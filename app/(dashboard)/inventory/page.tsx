import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RULES } from "@/lib/inventory/findings";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { inventoryOverview } from "@/lib/server/inventory/overview";
import { Forbidden } from "../_components/forbidden";
import { FindingsList, recordHref } from "./_components/findings-list";
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

export default async function InventoryOverviewPage() {
  const { actor, denied } = await pageActor("inventory:read");
  if (denied) return <Forbidden what="the data inventory" />;
  const ov = await inventoryOverview(actor);
  const write = can(actor, "inventory:write");
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
            <Card title="Gap findings" description="Computed from the records; each disappears as soon as its record is fixed.">
              <FindingsList findings={ov.findings} empty="No gaps found. Every record has what the rules ask for." />
            </Card>
          </div>
          <div className="space-y-6">
            <Card title="Findings by rule">
              <ul className="space-y-1 text-sm" data-testid="findings-by-rule">
                {Object.entries(RULES).map(([rule, r]) => (
                  <li key={rule} className="flex justify-between gap-2">
                    <span>{r.title} <span className="text-xs text-slate-500">{r.citation}</span></span>
                    <span className={`font-semibold ${ov.byRule[rule as keyof typeof RULES] ? "text-red-700" : "text-slate-500"}`}>{ov.byRule[rule as keyof typeof RULES]}</span>
                  </li>
                ))}
              </ul>
            </Card>
            <Card title="Reviews overdue" description={`${ov.overdue.length} record${ov.overdue.length === 1 ? "" : "s"}`}>
              {ov.overdue.length === 0 ? (
                <p className="text-sm text-slate-600">Every review is up to date.</p>
              ) : (
                <ul className="space-y-1 text-sm" data-testid="overdue-list">
                  {ov.overdue.map((o) => (
                    <li key={o.id} className="flex justify-between gap-2">
                      <Link href={recordHref(o.kind, o.id)} className="text-indigo-700 hover:underline">{o.name}</Link>
                      <span className="text-xs text-amber-700">due <DateTime value={o.nextReviewAt} style="date" /></span>
                    </li>
                  ))}
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
