import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { waitingText } from "@/lib/oversight/review-wording";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listCallbackDeliveries } from "@/lib/server/oversight/callbacks";
import { getDecisionDetail } from "@/lib/server/oversight/read-decisions";
import { Forbidden } from "../../../_components/forbidden";
import { OversightTabs, STATUS_TONE, statusLabel } from "../../_components/oversight-tabs";
import { EscalateForm, ReviewPanel, RevealInputs } from "../../_components/review-panel";
import { SlaCountdown } from "../../_components/sla-countdown";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Decision" };


function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, denied } = await pageActor("oversight:read");
  if (denied) return <Forbidden what="AI decisions" />;
  const { id } = await params;
  let d;
  try {
    d = await getDecisionDetail(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const deliveries = await listCallbackDeliveries(actor, id);
  const open = d.status === "pending_review" || d.status === "escalated";
  const questions = d.reviews.filter((r) => r.verdict === "request_info");
  const now = new Date().toISOString();
  let rule: unknown = d.rule.json;
  try {
    rule = JSON.parse(d.rule.json);
  } catch {}
  return (
    <>
      <PageHeader
        title={`${d.decisionType} · ${d.externalId}`}
        description={<span className="flex flex-wrap items-center gap-2"><Badge tone={STATUS_TONE[d.status]}>{statusLabel(d.status)}</Badge> {open ? <SlaCountdown dueAt={d.dueAt} serverNow={now} /> : <span>decided <DateTime value={d.decidedAt} /></span>}</span>}
        actions={<Link href="/oversight/inbox" className="text-sm text-indigo-700 hover:underline">← Inbox</Link>}
      />
      <OversightTabs current="/oversight/inbox" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="What the AI system proposes">
            <p className="mb-3 whitespace-pre-wrap text-sm text-slate-800" data-testid="decision-summary">{d.summary}</p>
            <dl className="divide-y divide-slate-100">
              <Row label="Proposed outcome"><strong>{d.proposedOutcome}</strong> at {Math.round(d.confidence * 100)}% confidence</Row>
              <Row label="Impact">{d.impact ?? "—"}</Row>
              {d.amount !== null && <Row label="Amount">{d.amount.toLocaleString("en")}</Row>}
              {d.jurisdiction && <Row label="Subject jurisdiction">{d.jurisdiction}</Row>}
              <Row label="Final outcome"><span data-testid="final-outcome">{d.finalOutcome ?? (open ? "not decided yet" : "none")}</span></Row>
            </dl>
          </Card>
          {questions.length > 0 && (
            <Card title="Information requested" description={`Asked of the AI system's owner${d.system.owner ? ` (${d.system.owner})` : ""}: emailed when the owner is a user here (else whoever registered the system), and sent to webhooks subscribed to decision.info_requested. Nothing is decided meanwhile; the SLA keeps running.`}>
              <ul className="space-y-2" data-testid="info-requests">
                {questions.map((q) => (
                  <li key={q.id} className="rounded-md bg-amber-50 p-3 text-sm ring-1 ring-inset ring-amber-200">
                    <p className="text-xs text-slate-600">{q.reviewer} asked on <DateTime value={q.at} /></p>
                    <p className="mt-1 whitespace-pre-wrap text-slate-900">{q.rationale}</p>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {open && can(actor, "decision:review") && (
            <Card title="Your review" description={`${d.approvals} of ${d.requiredApprovals} approvals so far. Each person counts once; whoever submitted or escalated it cannot approve.`}>
              {/* One panel whether or not you have given your verdict, so the message of the verdict just sent survives the re-render that turns the form into "waiting". */}
              <ReviewPanel decisionId={d.id} state={{ proposedOutcome: d.proposedOutcome, requiredApprovals: d.requiredApprovals, approvals: d.approvals, rejections: d.rejections, rejectEnds: d.rejectEnds }} waiting={d.myVerdict ? waitingText(d.myVerdict, d) : null} />
            </Card>
          )}
          {!open && (
            <p role="status" className="rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-800" data-testid="decision-closed">
              This decision is {statusLabel(d.status)}{d.finalOutcome ? ` with the outcome “${d.finalOutcome}”` : ""}. Nothing more can change.
            </p>
          )}
          <Card title="Reviews" description="Append-only: a verdict is never edited.">
            {d.reviews.length === 0 ? (
              <p className="text-sm text-slate-600">No reviews yet.</p>
            ) : (
              <ol className="space-y-3" data-testid="reviews">
                {d.reviews.map((r) => (
                  <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
                    <p className="font-medium">{r.reviewer} <Badge tone={r.verdict === "approve" ? "green" : r.verdict === "reject" ? "red" : "amber"}>{r.verdict.replace("_", " ")}</Badge>{r.overrideOutcome && <span> → {r.overrideOutcome}</span>} <span className="text-xs font-normal text-slate-500"><DateTime value={r.at} /> via {r.via}</span></p>
                    <p className="mt-1 whitespace-pre-wrap text-slate-700">{r.rationale}</p>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card title="Outcome callbacks" description="Signed POSTs to the AI system, retried with exponential backoff.">
            {deliveries.length === 0 ? (
              <p className="text-sm text-slate-600">{d.status === "pending_review" || d.status === "escalated" ? "Sent once the decision has an outcome, if the system gave a callback URL." : "No callback URL was given."}</p>
            ) : (
              deliveries.map((x) => (
                <div key={x.id} className="text-sm">
                  <p><span className="font-mono text-xs">{x.url}</span> <Badge tone={x.status === "delivered" ? "green" : x.status === "failed" ? "red" : "amber"}>{x.status}</Badge> {x.nextAttemptAt && <span className="text-xs text-slate-500">next try <DateTime value={x.nextAttemptAt} /></span>}</p>
                  <table className="mt-2 min-w-full text-xs">
                    <thead className="text-left uppercase text-slate-500"><tr><th className="py-1 pr-3">#</th><th className="pr-3">At</th><th className="pr-3">Result</th><th>Took</th></tr></thead>
                    <tbody>{x.attempts.map((a) => <tr key={a.attempt}><td className="py-1 pr-3">{a.attempt}</td><td className="pr-3"><DateTime value={a.at} /></td><td className="pr-3">{a.error ?? `HTTP ${a.statusCode}`}</td><td>{a.durationMs === null ? "—" : `${a.durationMs} ms`}</td></tr>)}</tbody>
                  </table>
                </div>
              ))
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Why it came to you">
            <dl className="divide-y divide-slate-100">
              <Row label="AI system">{d.system.name} <span className="text-xs text-slate-500">({d.system.riskTier} risk)</span></Row>
              <Row label="Model version"><span data-testid="model-version">{d.modelVersion.label}</span>{d.modelVersion.approvedBy && <span className="block text-xs text-slate-500">approved by {d.modelVersion.approvedBy}</span>}</Row>
              <Row label="Policy rule">{d.rule.index === null ? "No rule matched: one approval by default" : `Rule ${d.rule.index + 1} of policy revision ${d.rule.policyRevision}`}<pre className="mt-1 overflow-auto rounded bg-slate-50 p-2 text-[11px]">{JSON.stringify(rule, null, 1)}</pre></Row>
              <Row label="SLA">{d.slaHours ? `${d.slaHours} h, then ${d.onTimeout === "escalate" ? `escalate to ${d.escalateTo?.replace("_", " ")}` : "expire as rejected"}` : "—"}</Row>
              <Row label="Submitted"><DateTime value={d.createdAt} /></Row>
              <Row label="Due"><DateTime value={d.dueAt} /></Row>
              {d.escalatedAt && <Row label="Escalated"><DateTime value={d.escalatedAt} />{d.escalatedReason && <span className="block text-xs">{d.escalatedReason}</span>}</Row>}
              {d.slaBreachedAt && <Row label="SLA breached"><DateTime value={d.slaBreachedAt} /></Row>}
            </dl>
          </Card>
          {(d.hasInputs || d.hasSubject) && can(actor, "decision:reveal") && (
            <Card title="Inputs"><RevealInputs decisionId={d.id} /></Card>
          )}
          {d.status === "pending_review" && can(actor, "decision:review") && (
            <Card title="Escalate"><EscalateForm decisionId={d.id} /></Card>
          )}
        </div>
      </div>
    </>
  );
}
