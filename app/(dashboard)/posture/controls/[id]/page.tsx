import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveControls } from "@/components/lifecycle/archive-controls";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { AREA_LABELS, FRAMEWORK_LABELS, STATUS_LABELS, type ReviewStatus } from "@/lib/posture/types";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getControl } from "@/lib/server/posture/controls";
import { requirementsByControl } from "@/lib/server/posture/frameworks/api-views";
import { archiveControlAction } from "../../actions";
import { Forbidden } from "../../../_components/forbidden";
import { EditControlForm, OverrideForm, ReviewForm } from "../../_components/forms";
import { StatusBadge } from "../../_components/status-badge";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Control" };

const SOURCE = { override: "manual override", automated: "automated test", review: "latest review", none: "never reviewed" } as const;

export default async function ControlPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ checklist?: string }> }) {
  const { actor, denied } = await pageActor("posture:read");
  if (denied) return <Forbidden what="controls" />;
  const id = decodeURIComponent((await params).id);
  const { checklist } = await searchParams;
  let data;
  try {
    data = await getControl(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const { control: c, reviews } = data;
  const write = can(actor, "posture:write");
  const mapped = (await requirementsByControl(actor, [c.id])).get(c.id) ?? [];
  return (
    <>
      <PageHeader
        title={`${c.id} · ${c.title}`}
        description={<>{AREA_LABELS[c.area]} · {FRAMEWORK_LABELS[c.framework]} · <span className="italic">{c.citation}</span></>}
        actions={<Link href={checklist ? `/posture/checklists/${encodeURIComponent(checklist)}` : "/posture/controls"} className="text-sm font-semibold text-indigo-600 hover:underline">← Back</Link>}
      />
      <ArchiveControls action={archiveControlAction} id={c.id} kind="control" what="control" archivedAt={c.archivedAt} archivedWhen={<DateTime value={c.archivedAt} style="date" />} archivedBy={c.archivedBy} canWrite={write} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Status">
            <p className="text-sm" data-testid="control-status">
              <StatusBadge status={c.status} /> <span className="text-slate-600">{c.statusSource === "none" ? "— this control has never been reviewed" : `from the ${SOURCE[c.statusSource]}`}</span>
              {c.overdue && <span className="ml-2"><Badge tone="amber">review overdue since <DateTime value={c.nextReviewAt} style="date" /></Badge></span>}
            </p>
            <p className="mt-3 text-sm text-slate-700">{c.description}</p>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
              <dt className="text-slate-500">Owner</dt><dd>{c.owner ?? "—"}</dd>
              <dt className="text-slate-500">Review frequency</dt><dd>every {c.frequencyDays} days</dd>
              <dt className="text-slate-500">Weight</dt><dd>{c.weight}</dd>
              <dt className="text-slate-500">Last reviewed</dt><dd><DateTime value={c.lastReviewedAt} style="date" fallback="never" /></dd>
              <dt className="text-slate-500">Next review</dt><dd><DateTime value={c.nextReviewAt} style="date" /></dd>
            </dl>
            <p className="mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700"><strong>How to check it:</strong> {c.manualCheck}</p>
          </Card>

          {c.automated && (
            <Card title="Automated test" description={c.automated.checks}>
              {c.test ? (
                <div data-testid="automated-test">
                  <p className="text-sm">
                    {c.test.status === "pass" ? <Badge tone="green">passing</Badge> : c.test.status === "fail" ? <Badge tone="red">failing</Badge> : <Badge>nothing to check</Badge>}{" "}
                    {c.test.detail} <span className="text-xs text-slate-500">(run <DateTime value={c.test.testedAt} />)</span>
                  </p>
                  {c.test.failing.length > 0 && (
                    <table className="mt-3 min-w-full text-sm" aria-label="Failing records">
                      <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-1 pr-3">Record</th><th>Type</th></tr></thead>
                      <tbody className="divide-y divide-slate-100">
                        {c.test.failing.map((f) => (
                          <tr key={`${f.entityType}-${f.entityId}`}>
                            <td className="py-1 pr-3">{f.href ? <Link href={f.href} className="text-indigo-600 hover:underline">{f.label}</Link> : f.label}</td>
                            <td className="text-xs text-slate-500">{f.entityType}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              ) : (
                <p className="text-sm text-slate-600">Not run yet. It runs with every snapshot.</p>
              )}
              {c.override && (
                <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">Overridden to <strong>{STATUS_LABELS[c.override.status]}</strong> by {c.override.by}: {c.override.reason}</p>
              )}
              {write && <div className="mt-4 border-t border-slate-100 pt-4"><OverrideForm controlId={c.id} current={c.override?.status ?? null} /></div>}
            </Card>
          )}

          <Card title="Framework requirements" description="This control's status and evidence count for each of these requirements (decision 520).">
            {mapped.length === 0 ? <p className="text-sm text-slate-600">Not mapped to any requirement.</p> : (
              <ul className="space-y-1 text-sm" aria-label="Mapped requirements">
                {mapped.map((m) => <li key={m.requirementId}><Link className="text-indigo-700 hover:underline" href={`/posture/frameworks/${encodeURIComponent(m.frameworkId)}`}>{m.frameworkId}</Link> <span className="font-mono text-xs">{m.identifier}</span> — {m.rationale}</li>)}
              </ul>
            )}
          </Card>

          <Card title="Review history" description="Reviews are kept for good; a new review never replaces an old one.">
            {reviews.length === 0 ? (
              <p className="text-sm text-slate-600">No review yet.</p>
            ) : (
              <ol className="space-y-4" data-testid="review-history">
                {reviews.map((r) => (
                  <li key={r.id} className="border-l-2 border-slate-200 pl-3 text-sm">
                    <p><StatusBadge status={r.status as ReviewStatus} /> <span className="text-slate-600">by {r.reviewerLabel} on <DateTime value={r.reviewedAt} style="date" />; next due <DateTime value={r.nextReviewAt} style="date" /></span></p>
                    {r.naReason && <p className="mt-1 text-slate-700">Not applicable because: {r.naReason}</p>}
                    {r.comment && <p className="mt-1 whitespace-pre-line text-slate-700">{r.comment}</p>}
                    {r.evidence.length > 0 && (
                      <ul className="mt-1 space-y-0.5">
                        {r.evidence.map((e) => (
                          <li key={e.id} className="text-xs">
                            {e.kind === "file" ? (
                              <><a href={`/posture/evidence/${e.id}`} className="font-medium text-indigo-600 hover:underline">{e.name}</a> <span className="text-slate-500">{((e.size ?? 0) / 1024).toFixed(1)} KB · SHA-256 <span className="font-mono">{e.sha256?.slice(0, 16)}…</span></span></>
                            ) : (
                              <a href={e.url!} rel="noopener noreferrer nofollow" target="_blank" className="text-indigo-600 hover:underline">{e.url}</a>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        {write && (
          <div className="space-y-6">
            <Card title="Record a review" description={c.automated ? "The automated test decides the status; a review documents it and keeps evidence." : "Sets the status until the next review."}>
              <ReviewForm controlId={c.id} checklistId={checklist} />
            </Card>
            <Card title="Edit control"><EditControlForm key={c.version} c={c} /></Card>
          </div>
        )}
      </div>
    </>
  );
}
