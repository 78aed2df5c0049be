import type { ReactNode } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ZonedTime } from "@/components/ui/zoned-time";
import { Card, PageHeader } from "@/components/ui/card";
import { MISSING_RULES } from "@/lib/breaches/missing";
import { isPending, urgency } from "@/lib/breaches/reconcile";
import { AI_INCIDENT_LABELS, labelOf, obligationLabel, RISK_LABELS, rolesText, STATUS_LABELS } from "@/lib/breaches/reports";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getIncident } from "@/lib/server/breaches/query-incidents";
import type { IncidentDto } from "@/lib/validation/breaches";
import { Forbidden } from "../../_components/forbidden";
import { EncryptionBadge } from "../_components/asset-picker";
import { Countdown } from "../_components/countdown";
import { IncidentWizard } from "../_components/incident-wizard";
import { ChecklistForm, MarkSentForm, StatusForm, TimelineForm } from "../_components/obligation-forms";
import { DATA_ELEMENT_LABELS } from "../_components/data-element-labels";

export const metadata: Metadata = { title: "Incident" };

const STATUS_TONE = { open: "gray", sent: "green", not_required: "indigo", late: "amber" } as const;

// `when`: offered only where the incident has what the document is about.
const EXPORTS: { format: string; label: string; when?: (i: IncidentDto) => boolean }[] = [
  { format: "report.pdf", label: "Incident report (PDF)" },
  { format: "gdpr-art33.pdf", label: "GDPR Art. 33 draft" },
  { format: "ca-notice.pdf", label: "California notice draft (PDF)" },
  { format: "ca-notice.txt", label: "California notice draft (editable text)" },
  { format: "hhs.json", label: "HHS portal record" },
  { format: "ai-act-art73.pdf", label: "AI Act Art. 73 report", when: (i) => i.aiSeriousIncident !== null },
  { format: "sec-8k-item105.txt", label: "Form 8-K Item 1.05 draft", when: (i) => i.obligations.some((o) => o.regime === "SEC-8K") },
  { format: "nis2-early-warning.pdf", label: "NIS2 early warning draft", when: (i) => i.obligations.some((o) => o.regime === "NIS2") },
  { format: "incident.json", label: "JSON" },
];

function KeyValues({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
      {items.map(([k, v]) => (
        <div key={k} className="contents"><dt className="text-slate-500">{k}</dt><dd className="text-slate-900">{v || "—"}</dd></div>
      ))}
    </dl>
  );
}

async function load(actor: Parameters<typeof getIncident>[0], id: string): Promise<IncidentDto> {
  try {
    return await getIncident(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, denied } = await pageActor("breach:read");
  if (denied) return <Forbidden what="breach records" />;
  const { id } = await params;
  const i = await load(actor, id);
  const tz = i.timeZone;
  const write = can(actor, "breach:write");
  const exportable = can(actor, "breach:export");
  const renderedAt = Date.now();
  const total = i.affected.reduce((n, a) => n + a.count, 0);
  const overdue = i.obligations.filter((o) => urgency(o, renderedAt) === "overdue").length;
  return (
    <>
      <PageHeader
        title={i.title}
        description={<>{i.reference} · discovered <ZonedTime value={i.discoveredAt} zone={tz} /> · <Badge tone={i.status === "open" ? "red" : i.status === "contained" ? "amber" : "gray"}>{i.status}</Badge>{overdue > 0 && <> · <Badge tone="red">{overdue} overdue</Badge></>}</>}
        actions={<Link href="/breaches" className="text-sm text-slate-600 hover:underline">All incidents</Link>}
      />
      <div className="space-y-6">
        {exportable && (
          <Card title="Exports" description="Every download is recorded in the audit log.">
            <div className="flex flex-wrap gap-2">
              {EXPORTS.filter((e) => !e.when || e.when(i)).map((e) => (
                <a key={e.format} href={`/breaches/${i.id}/export/${e.format}`} className="rounded-md px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">{e.label}</a>
              ))}
            </div>
          </Card>
        )}

        <Card title="Notification obligations" description={`Overdue and due-soon first. Day-based deadlines end at 23:59 on the last day in ${tz}; hour-based ones are exact instants.`}>
          {i.obligations.length === 0 ? (
            <p className="text-sm text-slate-600">The deadline engine derives no notification from these facts (e.g. encrypted data, no affected people in a covered jurisdiction, or a documented low probability of compromise).</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="obligations">
              {i.obligations.map((o) => (
                <li key={o.id} className="py-3" data-testid={`obligation-${o.key}`}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-medium text-slate-900">{obligationLabel(o)}</p>
                      <p className="text-xs text-slate-500">{o.citation} · rule {o.ruleVersion}{o.applies ? "" : " · no longer applies to the current facts (kept because it was acted on)"}</p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2 text-sm">
                      <Badge tone={STATUS_TONE[o.status]}>{STATUS_LABELS[o.status]}</Badge>
                      {o.dueAt ? (
                        <>
                          {isPending(o) && <Countdown dueAt={o.dueAt} renderedAt={renderedAt} status={o.status} sentAt={o.sentAt} />}
                          <span className="text-xs text-slate-600">due <ZonedTime value={o.dueAt} zone={tz} /></span>
                        </>
                      ) : (
                        <span className="text-xs text-slate-600">{o.dependsOnKey ? "runs from the notice it depends on" : "no fixed time"}</span>
                      )}
                    </div>
                  </div>
                  <p className="mt-1 text-sm text-slate-700">{o.dueRule}</p>
                  {o.sentAt && <p className="mt-1 text-sm text-emerald-800">Sent <ZonedTime value={o.sentAt} zone={tz} />{o.reference ? `, reference ${o.reference}` : ""}{o.sentBy ? ` by ${o.sentBy}` : ""}</p>}
                  {o.statusReason && <p className="mt-1 text-sm text-slate-700">Reason: {o.statusReason}</p>}
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-indigo-700">Content checklist{write && isPending(o) ? " and tracking" : ""}</summary>
                    <div className="mt-2 grid gap-4 lg:grid-cols-2">
                      <ChecklistForm incidentId={i.id} obligation={o} readOnly={!write} />
                      {write && !o.sentAt && (
                        <div className="space-y-4">
                          {isPending(o) && <MarkSentForm incidentId={i.id} obligation={o} timeZone={tz} label={obligationLabel(o)} />}
                          <StatusForm incidentId={i.id} obligation={o} />
                        </div>
                      )}
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Facts">
            <KeyValues items={[
              ["Occurred", i.occurredAt ? <><ZonedTime value={i.occurredAt} zone={tz} />{i.occurredUntil && <> to <ZonedTime value={i.occurredUntil} zone={tz} /></>}</> : "Unknown"],
              ["Discovered / aware", <ZonedTime value={i.discoveredAt} zone={tz} />],
              ["Contained", <ZonedTime value={i.containedAt} zone={tz} fallback="Not yet" />],
              ["Roles", rolesText(i.roles, i.phi)],
              ["Data categories", i.dataCategories.join(", ")],
              ["Data elements", i.dataElements === null ? "Not given (US state obligations need them to decide)" : i.dataElements.map((e) => DATA_ELEMENT_LABELS[e]).join(", ") || "None"],
              ["Affected", `${total.toLocaleString("en-US")}: ${i.affected.map((a) => `${a.jurisdiction} ${a.count}`).join(", ")}`],
              ["PHI", i.phi ? "Yes" : "No"],
              ["Unreadable (encrypted)", `${i.encrypted ? "Yes" : "No"}${i.encryptedSource === "assets" ? " (pre-filled from the linked assets)" : ""}`],
              ["AI serious incident", i.aiSeriousIncident ? `${labelOf(AI_INCIDENT_LABELS, i.aiSeriousIncident.kind)}${i.aiSeriousIncident.system ? `, ${i.aiSeriousIncident.system}` : ""}` : "No"],
              ["Law-enforcement delay", i.lawEnforcementDelay ? `until ${i.lawEnforcementDelay.until}, ${i.lawEnforcementDelay.written ? "written" : "oral"}${i.lawEnforcementDelay.official ? `, ${i.lawEnforcementDelay.official}` : ""}` : "None"],
            ]} />
            {i.description && <p className="mt-3 whitespace-pre-wrap text-sm text-slate-700">{i.description}</p>}
          </Card>
          <Card title="Risk assessments">
            <h3 className="text-sm font-semibold">GDPR (Art. 33(1), 34(1))</h3>
            <KeyValues items={[["Risk", labelOf(RISK_LABELS, i.riskLevel)], ["Rationale", i.riskRationale]]} />
            <h3 className="mt-4 text-sm font-semibold">HIPAA four factors (45 CFR 164.402(2))</h3>
            <KeyValues items={[
              ["(i) Nature and extent", i.hipaaAssessment.nature],
              ["(ii) Unauthorized person", i.hipaaAssessment.unauthorizedPerson],
              ["(iii) Acquired or viewed", i.hipaaAssessment.acquiredOrViewed],
              ["(iv) Mitigation", i.hipaaAssessment.mitigation],
              ["Low probability of compromise", i.hipaaLowProbabilityOfCompromise ? "Yes (no HIPAA notice)" : "No"],
            ]} />
          </Card>
        </div>

        <Card title="Linked assets" description="Systems from the data inventory involved in this incident, with their encryption at rest.">
          {i.assets.length === 0 ? (
            <p className="text-sm text-slate-600">No inventory asset is linked.{write ? " Link them under “Edit facts” (step 3)." : ""}</p>
          ) : (
            <>
              <ul className="divide-y divide-slate-100 text-sm" data-testid="incident-assets">
                {i.assets.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <Link href={`/inventory/assets/${a.id}`} className="font-medium text-indigo-700 hover:underline">{a.name}</Link>
                      <span className="block text-xs text-slate-500">{a.personalDataCategories.length ? `Personal data: ${a.personalDataCategories.join(", ")}` : "No personal data recorded"}</span>
                    </span>
                    <EncryptionBadge asset={a} />
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-xs text-slate-500">Encryption is a safe harbour only if the keys were not compromised (HIPAA &ldquo;unsecured PHI&rdquo;, 45 CFR 164.402; GDPR Art. 34(3)(a); Cal. Civ. Code 1798.82(a)).</p>
            </>
          )}
        </Card>

        <Card title="Timeline" description="What was done, by whom, when.">
          <ol className="space-y-2" data-testid="timeline">
            {i.timeline.map((t) => (
              <li key={t.id} className="grid gap-1 text-sm sm:grid-cols-[13rem_1fr]">
                <span className="text-slate-500"><ZonedTime value={t.at} zone={tz} /></span>
                <span>{t.action}{t.performedBy ? <span className="text-slate-500"> — {t.performedBy}</span> : null}</span>
              </li>
            ))}
          </ol>
          {write && <TimelineForm incidentId={i.id} timeZone={tz} />}
        </Card>

        {write && (
          <Card title="Edit facts" description="Saving recomputes open obligations; sent and closed ones are kept, and the changes are recorded in the audit log.">
            <details><summary className="cursor-pointer text-sm text-indigo-700">Change the facts of this incident</summary><div className="mt-3"><IncidentWizard timeZone={tz} incident={i} /></div></details>
          </Card>
        )}

        <Card title="Rules not encoded" description="Absent obligations here are not a finding of 'no duty': these rules could not be confirmed from a source or need facts not recorded.">
          <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600">
            {MISSING_RULES.map((m) => <li key={m.rule}><strong>{m.regime}</strong>: {m.rule}. {m.reason}</li>)}
          </ul>
        </Card>
      </div>
    </>
  );
}
