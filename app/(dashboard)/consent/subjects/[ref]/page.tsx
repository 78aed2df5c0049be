import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Card, PageHeader } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getSubjectDetail } from "@/lib/server/consent/subjects";
import { Forbidden } from "../../../_components/forbidden";
import { RevealIdentifier } from "../../_components/forms";
import { ConsentStatusBadge } from "../../_components/status-badge";

export const metadata: Metadata = { title: "Data subject" };

export default async function SubjectPage({ params }: { params: Promise<{ ref: string }> }) {
  const { actor, denied } = await pageActor("consent:read");
  if (denied) return <Forbidden what="consent records" />;
  const { ref } = await params;
  const subject = await getSubjectDetail(actor, ref).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const reveal = can(actor, "consent:reveal");
  return (
    <>
      <Link href="/consent" className="text-sm text-indigo-600 hover:underline">← Consent</Link>
      <PageHeader
        title="Data subject"
        description={<>Reference <span className="font-mono">{subject.ref}</span> · first seen <DateTime value={subject.firstSeenAt} />{subject.lastGpcAt && <> · latest GPC signal <DateTime value={subject.lastGpcAt} /></>}</>}
        actions={
          reveal ? (
            <div className="flex gap-2">
              <a href={`/consent/subjects/${subject.ref}/proof?format=pdf`} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">Consent receipt (PDF)</a>
              <a href={`/consent/subjects/${subject.ref}/proof?format=json`} className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Proof (JSON)</a>
            </div>
          ) : undefined
        }
      />
      <div className="space-y-6">
        <Card title="Identifier" description="Encrypted at rest. Revealing it is recorded in the audit log.">
          {reveal ? <RevealIdentifier subjectRef={subject.ref} /> : <span className="text-sm text-slate-500">Your role cannot reveal identifiers.</span>}
        </Card>
        <Card title="Current state">
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr><th className="py-2 pr-4">Purpose</th><th className="pr-4">Status</th><th className="pr-4">Since</th><th className="pr-4">Notice</th><th className="pr-4">GPC</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {subject.current.map((c) => (
                <tr key={c.purpose} data-testid={`state-${c.purpose}`}>
                  <td className="py-2 pr-4">{c.title} <span className="font-mono text-xs text-slate-500">{c.purpose}</span> {c.saleOrShare && <Badge tone="indigo">sale/sharing</Badge>}</td>
                  <td className="pr-4"><ConsentStatusBadge status={c.status} /></td>
                  <td className="pr-4 text-xs"><DateTime value={c.updatedAt} /></td>
                  <td className="pr-4">{c.noticeVersion ? `v${c.noticeVersion}` : "—"}</td>
                  <td className="pr-4">{c.gpcHonoured ? <Badge tone="green">GPC honoured</Badge> : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="History" description={`${subject.history.length} event${subject.history.length === 1 ? "" : "s"}, newest first. Events are never changed or deleted.`}>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="history">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr><th className="py-2 pr-3">Occurred</th><th className="pr-3">Received</th><th className="pr-3">Purpose</th><th className="pr-3">Action</th><th className="pr-3">Notice</th><th className="pr-3">Source</th><th className="pr-3">Where</th><th className="pr-3">GPC</th><th className="pr-3">Evidence</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {subject.history.map((h) => (
                  <tr key={h.id} className="align-top">
                    <td className="whitespace-nowrap py-2 pr-3 text-xs"><DateTime value={h.occurredAt} /></td>
                    <td className="whitespace-nowrap pr-3 text-xs text-slate-500"><DateTime value={h.receivedAt} /></td>
                    <td className="pr-3 font-mono text-xs">{h.purpose}</td>
                    <td className="pr-3 font-mono text-xs">{h.action}</td>
                    <td className="pr-3 text-xs" title={h.noticeSha256 ?? undefined}>{h.noticeVersion ? `v${h.noticeVersion}` : "—"}</td>
                    <td className="pr-3 text-xs">{h.source}</td>
                    <td className="pr-3 text-xs">{h.jurisdiction ?? "—"}</td>
                    <td className="pr-3 text-xs">{h.gpc ? "yes" : ""}</td>
                    <td className="max-w-xs break-all pr-3 text-xs text-slate-500">{h.evidenceRemovedAt ? <>removed under the retention policy, <DateTime value={h.evidenceRemovedAt} /></> : [h.userAgent, h.ipHash ? `IP hash ${h.ipHash.slice(0, 12)}…` : null].filter(Boolean).join(" · ") || "none recorded"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
