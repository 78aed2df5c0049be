import { InlineConfirmation } from "@/components/ui/form-message";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveControls } from "@/components/lifecycle/archive-controls";
import { DateTime } from "@/components/ui/date-time";
import { Card, PageHeader } from "@/components/ui/card";
import { ART9_CONDITIONS, DPIA_STATUSES, labelOf, LAWFUL_BASES, RECIPIENT_KINDS, SUBJECT_CATEGORIES, TRANSFER_SAFEGUARDS } from "@/lib/inventory/catalogue";
import { countryName } from "@/lib/inventory/countries";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getActivity } from "@/lib/server/inventory/activities";
import { recordHistory } from "@/lib/server/inventory/history";
import { aiSystemsUsingInventoryRecord } from "@/lib/server/oversight/links";
import { listReviews } from "@/lib/server/inventory/reviews";
import { archiveRecordAction } from "../../actions";
import { Forbidden } from "../../../_components/forbidden";
import { CategoryBadges } from "../../_components/category-badges";
import { FindingsList } from "../../_components/findings-list";
import { InventoryTabs } from "../../_components/inventory-nav";
import { KeyValues } from "../../_components/key-values";
import { RecordHistory } from "../../_components/record-history";
import { ReviewCard } from "../../_components/review-card";
import { UsedByAiSystems } from "../../_components/used-by-ai-systems";

export const metadata: Metadata = { title: "Processing activity" };

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { actor, denied } = await pageActor("inventory:read");
  if (denied) return <Forbidden what="the data inventory" />;
  const { id } = await params;
  const p = await getActivity(actor, id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [history, reviews, aiSystems] = await Promise.all([recordHistory(actor, "activity", id), listReviews(actor, "activity", id), aiSystemsUsingInventoryRecord(actor, "activity", id)]);
  const write = can(actor, "inventory:write");
  const { saved } = await searchParams;
  const processor = p.role === "processor";
  return (
    <>
      <PageHeader
        title={p.name}
        description={p.description ?? (processor ? "Processing carried out on behalf of another controller (GDPR Art. 30(2))." : "Record of processing (GDPR Art. 30(1)).")}
        actions={
          <div className="flex gap-2">
            <a href={`/inventory/export/art30.pdf?activity=${p.id}`} download className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50">Art. 30 PDF</a>
            {write && !p.archivedAt && <Link href={`/inventory/activities/${p.id}/edit`} className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50">Edit</Link>}
          </div>
        }
      />
      <InventoryTabs current="activities" />
      <ArchiveControls action={archiveRecordAction} id={p.id} kind="activity" what="activity" archivedAt={p.archivedAt} archivedWhen={<DateTime value={p.archivedAt} style="date" />} archivedBy={p.archivedBy} canWrite={write} />
      {saved && <InlineConfirmation>Saved.</InlineConfirmation>}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Findings">
            <FindingsList findings={p.findings} showRecord={false} empty="No gaps: this record meets every rule." />
          </Card>
          <Card title={processor ? "Art. 30(2)(a) — processor and controller" : "Art. 30(1)(a) — controller"}>
            <KeyValues
              items={[
                [processor ? "Processor" : "Controller", [p.controllerName, p.controllerContact].filter(Boolean).join(", ")],
                ...(processor ? ([["On behalf of", p.onBehalfOf]] as [string, string | null][]) : []),
                ["Joint controller(s)", p.jointControllers],
                ["Representative", p.representative],
                ["Data protection officer", p.dpoContact],
              ]}
            />
          </Card>
          <Card title="Art. 30(1)(b) — purposes and lawful basis">
            {p.purposes.length === 0 ? (
              <p className="text-sm text-red-700">No purpose recorded.</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="purposes">
                {p.purposes.map((x, i) => (
                  <li key={i}>{x.purpose} — {x.lawfulBasis ? labelOf(LAWFUL_BASES, x.lawfulBasis) : <span className="font-semibold text-red-700">no lawful basis</span>}</li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-sm">Art. 9(2) condition: {labelOf(ART9_CONDITIONS, p.art9Condition)}</p>
          </Card>
          <Card title="Art. 30(1)(c)-(e) — data, recipients, transfers">
            <KeyValues
              items={[
                ["Data subjects", p.subjectCategories.map((c) => labelOf(SUBJECT_CATEGORIES, c)).join(", ")],
                ["Personal data", <CategoryBadges key="c" codes={p.dataCategories} max={50} />],
                ["Recipients", p.recipients.map((r) => `${r.name} (${labelOf(RECIPIENT_KINDS, r.kind)})`).join("; ")],
                ["Third-country transfers", p.transfers.length ? p.transfers.map((t) => `${countryName(t.country)}${t.recipient ? ` — ${t.recipient}` : ""}: ${labelOf(TRANSFER_SAFEGUARDS, t.safeguard)}`).join("; ") : "None"],
              ]}
            />
          </Card>
          <Card title="Art. 30(1)(f)-(g), DPIA and systems">
            <KeyValues
              items={[
                ["Erasure time limits", p.erasureTimeLimit],
                ["DPIA (Art. 35)", p.dpiaRequired ? `Required — ${labelOf(DPIA_STATUSES, p.dpiaStatus)}` : "Not required"],
                ["Security measures", p.securityMeasures],
                ["Systems used", p.assets.length ? <span key="a">{p.assets.map((a, i) => <span key={a.id}>{i > 0 && ", "}<Link href={`/inventory/assets/${a.id}`} className="text-indigo-700 hover:underline">{a.name}</Link></span>)}</span> : null],
              ]}
            />
          </Card>
          <UsedByAiSystems systems={aiSystems} what="activity" />
        </div>
        <div className="space-y-6">
          <ReviewCard kind="activity" record={p} reviews={reviews} write={write} />
          <Card title="History" description="From the audit log">
            <RecordHistory events={history} />
          </Card>
        </div>
      </div>
    </>
  );
}
