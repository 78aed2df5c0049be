import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyNav } from "@/components/ui/key-nav";
import { Field, Select } from "@/components/ui/field";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listInbox } from "@/lib/server/oversight/read-decisions";
import { waitingText } from "@/lib/oversight/review-wording";
import { IMPACTS, inboxQuerySchema } from "@/lib/validation/oversight";
import { Forbidden } from "../../_components/forbidden";
import { OversightTabs, STATUS_TONE, statusLabel } from "../_components/oversight-tabs";
import { SlaCountdown } from "../_components/sla-countdown";

export const metadata: Metadata = { title: "Reviewer inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("oversight:read");
  if (denied) return <Forbidden what="the reviewer inbox" />;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v));
  const parsed = inboxQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : inboxQuerySchema.parse({});
  const inbox = await listInbox(actor, query);
  const link = (page: number) => `/oversight/inbox?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])), page: String(page) })}`;
  return (
    <>
      <PageHeader title="Reviewer inbox" description={<>Decisions waiting for your verdict, soonest due first. Open one to approve, overturn, reject or ask for information. Keys: <kbd className="rounded bg-slate-100 px-1">j</kbd> / <kbd className="rounded bg-slate-100 px-1">k</kbd> next / previous, <kbd className="rounded bg-slate-100 px-1">Enter</kbd> open.</>} />
      <KeyNav targetId="inbox-table" />
      <OversightTabs current="/oversight/inbox" />
      <Card>
        <form method="get" className="mb-4 grid gap-3 sm:grid-cols-5 sm:items-end" aria-label="Filter the inbox">
          <Field label="AI system">
            <Select name="system" defaultValue={query.system ?? ""}>
              <option value="">All systems</option>
              {inbox.systems.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </Select>
          </Field>
          <Field label="Decision type">
            <Select name="type" defaultValue={query.type ?? ""}>
              <option value="">All types</option>
              {inbox.types.map((t) => <option key={t} value={t}>{t}</option>)}
            </Select>
          </Field>
          <Field label="Impact">
            <Select name="impact" defaultValue={query.impact ?? ""}>
              <option value="">Any impact</option>
              {IMPACTS.map((i) => <option key={i} value={i}>{i}</option>)}
            </Select>
          </Field>
          <label className="flex items-center gap-2 pb-2 text-sm"><input type="checkbox" name="overdue" value="1" defaultChecked={!!query.overdue} /> Overdue only</label>
          <div className="flex gap-2 pb-0.5"><Button type="submit" variant="secondary">Filter</Button><Link href="/oversight/inbox" className="px-2 py-1.5 text-sm text-slate-600 hover:underline">Clear</Link></div>
        </form>
        {inbox.items.length === 0 ? (
          <EmptyState title="Nothing waiting">
            {Object.keys(raw).some((k) => k !== "page")
              ? "No open decisions match these filters."
              : "No decision is waiting for you. AI systems send decisions through POST /api/v1/decisions; those their escalation policy routes to a person appear here, soonest due first."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table id="inbox-table" className="min-w-full text-sm" data-testid="inbox-table">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr><th className="py-2 pr-4">Due</th><th className="pr-4">Decision</th><th className="pr-4">System · model</th><th className="pr-4">Proposed</th><th className="pr-4">Impact</th><th className="pr-4">Approvals</th><th>Status</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {inbox.items.map((d) => (
                  <tr key={d.id} className={d.overdue ? "bg-red-50/50" : undefined}>
                    <td className="py-2 pr-4 whitespace-nowrap"><SlaCountdown dueAt={d.dueAt} serverNow={inbox.now} /></td>
                    <td className="pr-4">
                      <Link href={`/oversight/decisions/${d.id}`} data-keynav-item className="font-medium text-indigo-700 hover:underline">{d.decisionType} · {d.externalId}</Link>
                      <span className="block max-w-md truncate text-xs text-slate-500">{d.summary}</span>
                    </td>
                    <td className="pr-4 text-xs">{d.system} · {d.modelVersionLabel}</td>
                    <td className="pr-4">{d.proposedOutcome} <span className="text-xs text-slate-500">({Math.round(d.confidence * 100)}%)</span></td>
                    <td className="pr-4">{d.impact ?? "—"}</td>
                    <td className="pr-4">{d.approvals} / {d.requiredApprovals}</td>
                    <td><Badge tone={STATUS_TONE[d.status]}>{statusLabel(d.status)}</Badge></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="mt-4 flex items-center justify-between text-sm text-slate-600">
          <span>{inbox.total} open · page {inbox.page} of {inbox.pages}</span>
          <span className="flex gap-3">
            {inbox.page > 1 && <Link href={link(inbox.page - 1)} className="text-indigo-700 hover:underline">← Previous</Link>}
            {inbox.page < inbox.pages && <Link href={link(inbox.page + 1)} className="text-indigo-700 hover:underline">Next →</Link>}
          </span>
        </div>
      </Card>
      {inbox.waiting.length > 0 && (
        <div className="mt-6">
          <Card title="Waiting for others" description="You have given your verdict on these; under four-eyes they need someone else before they end.">
            <ul className="divide-y divide-slate-100" data-testid="inbox-waiting">
              {inbox.waiting.map((d) => (
                <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 py-2 text-sm">
                  <Link href={`/oversight/decisions/${d.id}`} className="font-medium text-indigo-700 hover:underline">{d.decisionType} · {d.externalId}</Link>
                  <span className="text-xs text-slate-500">{d.system}</span>
                  <span className="basis-full text-slate-700">{waitingText(d.myVerdict, d)}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}
