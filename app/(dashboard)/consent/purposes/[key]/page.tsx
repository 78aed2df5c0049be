import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveControls } from "@/components/lifecycle/archive-controls";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Card, PageHeader } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { LAWFUL_BASIS_LABELS } from "@/lib/validation/consent";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getPurpose } from "@/lib/server/consent/purposes";
import { archivePurposeAction } from "../../actions";
import { Forbidden } from "../../../_components/forbidden";
import { PublishNoticeForm, RetentionForm } from "../../_components/forms";

export const metadata: Metadata = { title: "Consent purpose" };

export default async function PurposePage({ params }: { params: Promise<{ key: string }> }) {
  const { actor, denied } = await pageActor("consent:read");
  if (denied) return <Forbidden what="consent records" />;
  const { key } = await params;
  const purpose = await getPurpose(actor, key).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const write = can(actor, "consent:write");
  return (
    <>
      <Link href="/consent" className="text-sm text-indigo-600 hover:underline">← Consent</Link>
      <PageHeader
        title={purpose.title}
        description={
          <>
            <span className="font-mono">{purpose.key}</span> · {LAWFUL_BASIS_LABELS[purpose.lawfulBasis]} {purpose.saleOrShare && <Badge tone="indigo">Sale / sharing (CCPA)</Badge>}
            {purpose.description && <span className="mt-1 block">{purpose.description}</span>}
          </>
        }
      />
      <ArchiveControls action={archivePurposeAction} id={purpose.id} kind="consent_purpose" what="purpose" archivedAt={purpose.archivedAt} archivedWhen={<DateTime value={purpose.archivedAt} style="date" />} archivedBy={purpose.archivedBy} canWrite={write} />
      <div className="space-y-6">
        <Card title="Notice versions" description="Each version is kept as published, with its SHA-256; events record the version the person saw.">
          {purpose.noticeTexts.length === 0 ? (
            <p className="text-sm text-slate-500">No notice text published yet.{purpose.saleOrShare && " A sale or sharing purpose needs a notice of the right to opt out (CCPA 1798.135)."}</p>
          ) : (
            <ol className="space-y-4">
              {purpose.noticeTexts.map((n) => (
                <li key={n.version} className="rounded-md border border-slate-200 p-3" data-testid={`notice-v${n.version}`}>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <Badge tone={n.version === purpose.currentNoticeVersion ? "green" : "gray"}>v{n.version}{n.version === purpose.currentNoticeVersion ? " · current" : ""}</Badge>
                    <span className="text-slate-500">published <DateTime value={n.publishedAt} /></span>
                  </div>
                  <p className="mt-2 whitespace-pre-wrap text-sm">{n.text}</p>
                  <p className="mt-2 break-all font-mono text-xs text-slate-500">SHA-256 {n.textSha256}</p>
                </li>
              ))}
            </ol>
          )}
          {write && <div className="mt-4 border-t border-slate-100 pt-4"><PublishNoticeForm purposeKey={purpose.key} /></div>}
        </Card>
        <Card title="Evidence retention" description="User agents and IP hashes of events for this purpose are removed after this many days (after confirmation, under Evidence retention). The events stay.">
          {write ? <RetentionForm purposeKey={purpose.key} days={purpose.evidenceRetentionDays} /> : <p className="text-sm">{purpose.evidenceRetentionDays ? `${purpose.evidenceRetentionDays} days` : "No limit"}</p>}
        </Card>
      </div>
    </>
  );
}
