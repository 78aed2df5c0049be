import Link from "next/link";
import { PageHeader, Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS, roleHas, type Permission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/server/auth/current-actor";
import { getOverview } from "@/lib/server/overview";
import { can } from "@/lib/server/authz";
import { currentPosture } from "@/lib/server/posture/controls";
import { ensureDailySnapshot } from "@/lib/server/posture/snapshots";
import { AREA_LABELS, AREAS as POSTURE_AREAS, CONTROL_STATUSES, STATUS_LABELS } from "@/lib/posture/types";
import { ChartPanel } from "@/components/charts/chart-panel";
import { ConsentTrendChart, DecisionsPendingChart, ObligationsByDueChart } from "@/components/charts/dashboard-charts";
import { ControlsByStatusChart, PostureOverTimeChart, type StatusRow } from "@/components/charts/posture-charts";
import { DUE_BUCKET_LABELS, DUE_BUCKETS, TREND_DAYS, trendDaysParam } from "@/lib/dashboard/series";
import { RANGE_LABELS, RANGES, isRange, lastPerPeriod, tableStep, toWire, type Range } from "@/lib/posture/history";
import { postureSeries } from "@/lib/server/posture/snapshots";
import { obligationsByDue } from "@/lib/server/breaches/obligations-by-due";
import { decisionsPendingTrend } from "@/lib/server/oversight/pending-trend";
import { consentTrendPerMinute } from "@/lib/server/ledger-aggregates";
import { formatCountedAt } from "@/lib/dashboard/counted-at";
import { openAlertCount } from "@/lib/server/alerts/alerts";
import { needsAttention } from "@/lib/server/dashboard/needs-attention";
import { ATTENTION_SHOWN } from "@/lib/dashboard/attention";
import { NeedsAttentionList } from "./_components/needs-attention";

const AREAS = [
  { href: "/inventory", title: "Inventory", text: "Systems, data assets and Art. 30 records.", permission: "inventory:read" },
  { href: "/consent", title: "Consent", text: "Consent ledger, GPC and proof.", permission: "consent:read" },
  { href: "/breaches", title: "Breaches", text: "Incidents and notification deadlines.", permission: "breach:read" },
  { href: "/oversight", title: "Oversight", text: "AI decisions escalated for human review.", permission: "oversight:read" },
  { href: "/posture", title: "Checklists & posture", text: "Controls, reviews and the posture score.", permission: "posture:read" },
] as const satisfies readonly { href: string; title: string; text: string; permission: Permission }[];

function RangeNav<T extends string | number>({ label, options, current, href, text }: { label: string; options: readonly T[]; current: T; href: (v: T) => string; text: (v: T) => string }) {
  return (
    <nav aria-label={label} className="flex gap-1">
      {options.map((r) => (
        <Link key={String(r)} href={href(r)} scroll={false} aria-current={r === current ? "true" : undefined} className={`rounded-md px-2 py-1 text-xs font-semibold ${r === current ? "bg-indigo-600 text-white" : "text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"}`}>{text(r)}</Link>
      ))}
    </nav>
  );
}

const linkCls = "text-indigo-600 hover:underline";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const range: Range = isRange(sp.range) ? sp.range : "1y";
  const consentDays = trendDaysParam(sp.consent);
  const decisionDays = trendDaysParam(sp.decisions);
  const qs = (over: Record<string, string>) => `/?${new URLSearchParams({ range, consent: String(consentDays), decisions: String(decisionDays), ...over })}`;
  const o = await getOverview(actor);
  let posture: Awaited<ReturnType<typeof currentPosture>> | null = null;
  let series: Awaited<ReturnType<typeof postureSeries>> | null = null;
  if (can(actor, "posture:read")) {
    await ensureDailySnapshot();
    [posture, series] = await Promise.all([currentPosture(actor), postureSeries(actor, { range })]);
  }
  // Role-aware: each chart only for a role that may read its area.
  const [attention, obligations, decisions, consentCounted, openAlerts] = await Promise.all([
    needsAttention(actor, { limit: ATTENTION_SHOWN }),
    can(actor, "breach:read") ? obligationsByDue(actor) : null,
    can(actor, "oversight:read") ? decisionsPendingTrend(actor, { days: decisionDays }) : null,
    can(actor, "consent:read") ? consentTrendPerMinute(actor, consentDays) : null,
    can(actor, "alerts:read") ? openAlertCount(actor) : null,
  ]);
  const consent = consentCounted?.value ?? null;
  // The chart draws every point; its table summarises a long range (a year of daily rows was
  // half the page's weight), with the full series a click away.
  const step = tableStep(series?.points.length ?? 0);
  const statusRows: StatusRow[] | null = posture
    ? POSTURE_AREAS.map((a) => {
        const row = { area: a, label: AREA_LABELS[a], satisfied: 0, partial: 0, not_satisfied: 0, not_reviewed: 0, not_applicable: 0 };
        for (const c of posture!.controls) if (c.area === a) row[c.status]++;
        return row;
      })
    : null;
  const obligationHref = (key: string) => {
    const list = obligations?.incidents[key] ?? [];
    return list.length === 1 ? `/breaches/${list[0]!.id}` : "/breaches";
  };
  const obligationHrefs = Object.fromEntries(Object.keys(obligations?.incidents ?? {}).map((k) => [k, obligationHref(k)]));
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} description={`Signed in as ${ROLE_LABELS[actor.role]}.`} />
      <NeedsAttentionList data={attention} />
      <div className="grid gap-4 md:grid-cols-3">
        {posture && (
          <Card title="Compliance posture">
            <p className="text-3xl font-bold text-slate-900" data-testid="overview-posture-score">{posture.scores.overall === null ? "n/a" : posture.scores.overall.toFixed(1)}<span className="text-base font-normal text-slate-500"> / 100</span></p>
            <ul className="mt-2 grid grid-cols-2 gap-x-3 text-xs text-slate-600">
              {POSTURE_AREAS.map((a) => <li key={a}>{AREA_LABELS[a]}: {posture.scores[a] === null ? "n/a" : posture.scores[a]!.toFixed(0)}</li>)}
            </ul>
            <p className="mt-2 text-sm text-slate-700">{posture.failingTests} failing test{posture.failingTests === 1 ? "" : "s"}, {posture.overdueReviews} overdue review{posture.overdueReviews === 1 ? "" : "s"}.</p>
            <Link href="/posture" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Open the posture dashboard</Link>
          </Card>
        )}
        <Card title="Your account">
          <p className="text-sm">
            Multi-factor authentication: {o.mfaEnabled ? <Badge tone="green">on</Badge> : <Badge tone="amber">off</Badge>}
          </p>
          {!o.mfaEnabled && (
            <Link href="/account" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Set up an authenticator app</Link>
          )}
        </Card>
        {openAlerts !== null && (
          <Card title="Alerts">
            <p className="text-sm text-slate-700">
              {openAlerts === 0 ? "No open alerts." : <><Badge tone="red">{openAlerts}</Badge> open alert{openAlerts === 1 ? "" : "s"} from the anomaly rules.</>}
            </p>
            <Link href="/alerts?status=open" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Open the alerts</Link>
          </Card>
        )}
        {o.audit && (
          <Card title="Audit trail">
            <p className="text-sm text-slate-700">{o.audit.events.toLocaleString("en")} events recorded; {o.audit.heads.toLocaleString("en")} signed tree heads.</p>
            <Link href="/audit" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Open the audit log</Link>
          </Card>
        )}
        {o.users && (
          <Card title="People">
            <p className="text-sm text-slate-700">{o.users.active} active users, {o.users.withoutMfa} without MFA.</p>
            <Link href="/admin" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Manage users</Link>
          </Card>
        )}
      </div>
      {(series || obligations || decisions || consent) && (
        <>
          <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Dashboard</h2>
          <div className="space-y-6">
            {series && posture && (
              <ChartPanel
                testId="chart-posture"
                resetKey={range}
                title="Posture over time"
                description="Overall and per-area score, one snapshot a day; seeded demo history is shaded. Click the chart to open the controls."
                actions={<RangeNav label="Posture range" options={RANGES} current={range} href={(r) => qs({ range: r })} text={(r) => RANGE_LABELS[r]} />}
                csvHref={`/posture/export?chart=series&range=${range}`}
                tableLabel="Posture over time"
                headers={["Day", "Overall", ...POSTURE_AREAS.map((a) => AREA_LABELS[a]), "Source"]}
                rows={lastPerPeriod(series.points, step).reverse().map((p) => ({ key: p.day, cells: [p.day, p.overall ?? "n/a", ...POSTURE_AREAS.map((a) => p[a] ?? "n/a"), p.seeded ? "seeded" : "measured"] }))}
                tableNote={step === "day" ? undefined : <>One row a {step}: its last snapshot. Every day is in the CSV and in the <Link className={linkCls} href={`/posture?range=${range}`}>posture dashboard&apos;s table</Link>.</>}
                empty="No snapshot yet."
              >
                <PostureOverTimeChart series={toWire(series.points)} drillHref="/posture/controls" />
              </ChartPanel>
            )}
            <div className="grid gap-6 lg:grid-cols-2">
              {statusRows && (
                <ChartPanel
                  testId="chart-controls"
                  title="Controls by status"
                  description="Click a bar or a number to open those controls."
                  csvHref="/posture/export?chart=status"
                  tableLabel="Controls by status"
                  headers={["Area", ...CONTROL_STATUSES.map((s) => STATUS_LABELS[s])]}
                  rows={statusRows.map((r) => ({ key: r.area, cells: [r.label, ...CONTROL_STATUSES.map((s) => <Link key={s} className={linkCls} href={`/posture/controls?area=${r.area}&status=${s}`}>{r[s]}</Link>)] }))}
                >
                  <ControlsByStatusChart rows={statusRows} />
                </ChartPanel>
              )}
              {obligations && (
                <ChartPanel
                  testId="chart-obligations"
                  title="Breach obligations by due date"
                  description={`${obligations.total} open notification obligation${obligations.total === 1 ? "" : "s"}, per regime. Click a bar or a number to open the incidents.`}
                  csvHref="/dashboard/export?chart=obligations"
                  tableLabel="Breach obligations by due date"
                  headers={["Regime", ...DUE_BUCKETS.map((b) => DUE_BUCKET_LABELS[b])]}
                  rows={obligations.rows.map((r) => ({ key: r.regime, cells: [r.regime, ...DUE_BUCKETS.map((b) => (r[b] ? <Link key={b} className={linkCls} href={obligationHref(`${r.regime}|${b}`)}>{r[b]}</Link> : 0))] }))}
                  empty="No open notification obligation."
                >
                  <ObligationsByDueChart rows={obligations.rows} hrefs={obligationHrefs} />
                </ChartPanel>
              )}
              {decisions && (
                <ChartPanel
                  testId="chart-decisions"
                  resetKey={String(decisionDays)}
                  title="Decisions pending and SLA breaches"
                  description={`Last ${decisions.days} days: ${decisions.pendingNow} pending now, ${decisions.slaBreaches} SLA breach${decisions.slaBreaches === 1 ? "" : "es"}. Click the chart to open the reviewer inbox.`}
                  actions={<RangeNav label="Decisions range" options={TREND_DAYS} current={decisionDays} href={(d) => qs({ decisions: String(d) })} text={(d) => `${d} days`} />}
                  csvHref={`/dashboard/export?chart=decisions&days=${decisionDays}`}
                  tableLabel="Decisions pending and SLA breaches"
                  headers={["Day", "Pending (end of day)", "Sent for review", "SLA breaches"]}
                  rows={[...decisions.points].reverse().map((p) => ({ key: p.day, cells: [p.day, p.pending, p.newForReview, p.slaBreaches] }))}
                >
                  <DecisionsPendingChart points={decisions.points} drillHref="/oversight/inbox" />
                  <p className="mt-2 text-sm"><Link className={`font-semibold ${linkCls}`} href="/oversight/inbox">Open the reviewer inbox</Link></p>
                </ChartPanel>
              )}
              {consent && (
                <ChartPanel
                  testId="chart-consent"
                  resetKey={String(consentDays)}
                  title="Consent trend"
                  description={`Last ${consent.days} days: ${consent.totals.grants} grants, ${consent.totals.withdrawals} withdrawals, ${consent.totals.optOuts} opt-outs (${formatCountedAt(consentCounted!.countedAt)}). Click the chart to open the consent ledger.`}
                  actions={<RangeNav label="Consent range" options={TREND_DAYS} current={consentDays} href={(d) => qs({ consent: String(d) })} text={(d) => `${d} days`} />}
                  csvHref={`/dashboard/export?chart=consent&days=${consentDays}`}
                  tableLabel="Consent trend"
                  headers={["Day", "Grants", "Withdrawals", "Opt-outs"]}
                  rows={[...consent.points].reverse().map((p) => ({ key: p.day, cells: [p.day, p.grants, p.withdrawals, p.optOuts] }))}
                >
                  <ConsentTrendChart points={consent.points} drillHref="/consent" />
                </ChartPanel>
              )}
            </div>
          </div>
        </>
      )}
      <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Areas</h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {AREAS.filter((a) => roleHas(actor.role, a.permission)).map((a) => (
          <Link key={a.href} href={a.href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300">
            <h3 className="font-semibold">{a.title}</h3>
            <p className="mt-1 text-sm text-slate-600">{a.text}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
