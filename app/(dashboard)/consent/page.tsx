import type { Metadata } from "next";
import Link from "next/link";
import { ArchivedFilterSelect } from "@/components/lifecycle/archive-controls";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LAWFUL_BASIS_LABELS } from "@/lib/validation/consent";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { consentControlFindings } from "@/lib/server/consent/control-findings";
import { listPurposes } from "@/lib/server/consent/purposes";
import { consentRatesPerMinute } from "@/lib/server/ledger-aggregates";
import { formatCountedAt } from "@/lib/dashboard/counted-at";
import { Forbidden } from "../_components/forbidden";
import { CreatePurposeForm, SubjectSearchForm } from "./_components/forms";
import { ConsentRatesChart } from "./_components/rates-chart";

export const metadata: Metadata = { title: "Consent" };

export default async function ConsentPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const { actor, denied } = await pageActor("consent:read");
  if (denied) return <Forbidden what="consent records" />;
  const write = can(actor, "consent:write");
  const { archived } = await searchParams;
  const filter = archived === "archived" || archived === "all" ? archived : "active";
  const [purposes, counted, controls] = await Promise.all([listPurposes(actor, filter), consentRatesPerMinute(actor, 30), consentControlFindings(actor)]);
  const rates = counted.value;
  const hasRates = rates.points.some((p) => Object.keys(p).length > 1);
  return (
    <>
      <PageHeader
        title="Consent"
        description="The append-only ledger of consent events per data subject and purpose, fed by websites and apps through POST /api/v1/consent/events. Global Privacy Control signals opt subjects out of every sale or sharing purpose."
        actions={<Link href="/consent/retention" className="text-sm font-semibold text-indigo-600 hover:underline">Evidence retention →</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-1">
          <Card title="Find a data subject" description="Current state, full history and the proof export.">
            <SubjectSearchForm />
          </Card>
        </div>
        <div className="lg:col-span-2">
          <Card title="Consent rate per purpose" description={`Last 30 days, per UTC day: the share of decisions that were grants (grant, opt-in) rather than withdrawals or opt-outs (${formatCountedAt(counted.countedAt)}).`}>
            {hasRates ? <ConsentRatesChart purposes={rates.purposes} points={rates.points} /> : <p className="py-8 text-center text-sm text-slate-500">No consent events in the last 30 days.</p>}
          </Card>
        </div>
      </div>
      <div className="mt-6 space-y-6">
        {controls.findings.length > 0 && (
          <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-semibold">Control findings</p>
            <ul className="mt-1 list-disc pl-5">
              {controls.findings.slice(0, 10).map((f, i) => (
                <li key={i}>
                  {f.control === "consent.sale_purpose_without_notice"
                    ? `Sale/sharing purpose ${f.purpose} has no published notice (CCPA 1798.135).`
                    : `A GPC signal for subject ${f.subjectRef.slice(0, 8)} is not honoured for ${f.purpose} (status ${f.status}).`}
                </li>
              ))}
            </ul>
          </div>
        )}
        <Card
          title="Purposes"
          description={`${purposes.length} purpose${purposes.length === 1 ? "" : "s"}`}
          actions={
            <form method="get" className="flex items-end gap-2" role="search">
              <ArchivedFilterSelect value={filter} />
              <Button type="submit" variant="secondary">Show</Button>
            </form>
          }
        >
          {purposes.length === 0 ? (
            <EmptyState title="No purposes yet">Create the first purpose below, or with POST /api/v1/consent/purposes.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="text-left text-xs uppercase text-slate-500">
                  <tr><th className="py-2 pr-4">Purpose</th><th className="pr-4">Key</th><th className="pr-4">Lawful basis</th><th className="pr-4">CCPA</th><th className="pr-4">Notice</th><th className="pr-4">Evidence kept</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {purposes.map((p) => (
                    <tr key={p.id} data-testid={`purpose-row-${p.key}`}>
                      <td className="py-2 pr-4"><Link href={`/consent/purposes/${p.key}`} className="font-medium text-indigo-700 hover:underline">{p.title}</Link>{p.archivedAt && <> <Badge tone="gray">Archived</Badge></>}</td>
                      <td className="pr-4 font-mono text-xs">{p.key}</td>
                      <td className="pr-4">{LAWFUL_BASIS_LABELS[p.lawfulBasis]}</td>
                      <td className="pr-4">{p.saleOrShare ? <Badge tone="indigo">Sale / sharing</Badge> : <span className="text-slate-500">—</span>}</td>
                      <td className="pr-4">{p.currentNoticeVersion ? `v${p.currentNoticeVersion}` : <Badge tone={p.saleOrShare ? "amber" : "gray"}>none</Badge>}</td>
                      <td className="pr-4">{p.evidenceRetentionDays ? `${p.evidenceRetentionDays} days` : "no limit"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        {write && (
          <Card title="New purpose">
            <CreatePurposeForm />
          </Card>
        )}
      </div>
    </>
  );
}
