import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { pageActor } from "@/lib/server/auth/page-guard";
import { oversightControlFindings } from "@/lib/server/oversight/control-findings";
import { getOversightMetrics } from "@/lib/server/oversight/metrics";
import { listRecentDecisions } from "@/lib/server/oversight/read-decisions";
import { Forbidden } from "../_components/forbidden";
import { DecisionsPerDayChart, OverrideRateChart } from "./_components/metrics-charts";
import { OversightTabs, STATUS_TONE, statusLabel } from "./_components/oversight-tabs";

export const metadata: Metadata = { title: "Human oversight" };

// A model whose reviewers overrule it this often, over enough decisions, is worth a look.
const DRIFT_RATE = 0.25;
const DRIFT_MIN_DECIDED = 4;

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
const mins = (x: number | null) => (x === null ? "—" : x < 90 ? `${Math.round(x)} min` : `${(x / 60).toFixed(1)} h`);

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <p className="text-xs font-medium uppercase text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

export default async function OversightOverview() {
  const { actor, denied } = await pageActor("oversight:read");
  if (denied) return <Forbidden what="AI oversight" />;
  const [m, recent, { findings }] = await Promise.all([getOversightMetrics(actor), listRecentDecisions(actor), oversightControlFindings(actor)]);
  return (
    <>
      <PageHeader title="Human oversight" description="High-stakes AI decisions escalated to people: who decided what, why, and how fast (EU AI Act Art. 14, Art. 26; GDPR Art. 22(3))." />
      <OversightTabs current="/oversight" />
      <div className="space-y-6">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          <Kpi label="Open for review" value={String(m.open)} hint={m.overdue ? `${m.overdue} overdue` : "none overdue"} />
          <Kpi label={`Decisions, ${m.days} days`} value={String(m.total)} />
          <Kpi label="Sent to a human" value={pct(m.shareEscalated)} />
          <Kpi label="Time to decision" value={mins(m.medianMinutes)} hint={`median; p90 ${mins(m.p90Minutes)}`} />
          <Kpi label="SLA breaches" value={String(m.slaBreaches)} hint={`last ${m.days} days`} />
          <Kpi label="Open findings" value={String(findings.length)} hint="control tests" />
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Decisions per day" description="Auto-accepted by policy versus sent to human review.">
            {m.total ? <DecisionsPerDayChart data={m.perDay} /> : <p className="text-sm text-slate-600">No decisions in the last {m.days} days.</p>}
          </Card>
          <Card title="Override rate per model version" description="Reviewed decisions whose outcome a person overrode. A rising rate is a drift signal.">
            {m.overrideRate.length ? <OverrideRateChart data={m.overrideRate} /> : <p className="text-sm text-slate-600">No reviewed decisions yet.</p>}
            {m.overrideRate.filter((x) => x.decided >= DRIFT_MIN_DECIDED && x.rate >= DRIFT_RATE).map((x) => (
              <p key={x.model} role="alert" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                Drift watch: reviewers overrode {Math.round(x.rate * 100)}% of {x.decided} reviewed decisions of <strong>{x.model}</strong>. Check the model before it decides more.
              </p>
            ))}
          </Card>
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Recently decided">
            {recent.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing decided yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {recent.map((d) => (
                  <li key={d.id} className="flex items-center justify-between gap-3 py-2">
                    <Link href={`/oversight/decisions/${d.id}`} className="font-medium text-indigo-700 hover:underline">{d.decisionType} · {d.externalId}</Link>
                    <span className="flex items-center gap-2 text-xs text-slate-500">{d.finalOutcome ?? "no outcome"} <Badge tone={STATUS_TONE[d.status]}>{statusLabel(d.status)}</Badge></span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Control findings" description="High-risk systems without an approved model or escalation policy; SLA breaches in the last 30 days.">
            {findings.length === 0 ? (
              <p className="text-sm text-emerald-700">No findings.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="oversight-findings">
                {findings.slice(0, 12).map((f) => (
                  <li key={`${f.control}:${f.entityId}`} className="py-2">
                    <Link className="font-medium text-indigo-700 hover:underline" href={f.entityType === "AiSystem" ? "/oversight/systems" : `/oversight/decisions/${f.entityId}`}>{f.title}</Link>
                    <span className="block text-xs text-slate-600">{f.detail}</span>
                  </li>
                ))}
                {findings.length > 12 && <li className="py-2 text-xs text-slate-500">and {findings.length - 12} more</li>}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
