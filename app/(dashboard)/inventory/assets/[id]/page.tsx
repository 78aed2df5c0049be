import { InlineConfirmation } from "@/components/ui/form-message";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveControls } from "@/components/lifecycle/archive-controls";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { ACCESS_CONTROL_MODELS, BACKUP_POLICIES, DELETION_METHODS, ENCRYPTION_AT_REST, ENCRYPTION_IN_TRANSIT, HOSTING, labelOf, SUBJECT_CATEGORIES, VOLUME_BANDS } from "@/lib/inventory/catalogue";
import { countryName } from "@/lib/inventory/countries";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listIncidentsForAsset } from "@/lib/server/breaches/incident-assets";
import { getAsset } from "@/lib/server/inventory/assets";
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
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Asset" };

export default async function AssetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { actor, denied } = await pageActor("inventory:read");
  if (denied) return <Forbidden what="the data inventory" />;
  const { id } = await params;
  const asset = await getAsset(actor, id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [history, reviews, incidents, aiSystems] = await Promise.all([
    recordHistory(actor, "asset", id),
    listReviews(actor, "asset", id),
    can(actor, "breach:read") ? listIncidentsForAsset(actor, id) : Promise.resolve(null),
    aiSystemsUsingInventoryRecord(actor, "asset", id),
  ]);
  const write = can(actor, "inventory:write");
  const { saved } = await searchParams;
  const yesNo = (b: boolean) => (b ? <Badge tone="green">Yes</Badge> : <Badge tone="amber">No</Badge>);
  return (
    <>
      <PageHeader
        title={asset.name}
        description={asset.description ?? undefined}
        actions={write && !asset.archivedAt ? <Link href={`/inventory/assets/${asset.id}/edit`} className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50">Edit</Link> : undefined}
      />
      <InventoryTabs current="assets" />
      <ArchiveControls action={archiveRecordAction} id={asset.id} kind="asset" what="asset" archivedAt={asset.archivedAt} archivedWhen={<DateTime value={asset.archivedAt} style="date" />} archivedBy={asset.archivedBy} canWrite={write} />
      {saved && <InlineConfirmation>Saved.</InlineConfirmation>}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Findings">
            <FindingsList findings={asset.findings} showRecord={false} empty="No gaps: this asset meets every rule." />
          </Card>
          <Card title="System">
            <KeyValues
              items={[
                ["Owner", asset.owner ? `${asset.owner.name} (${asset.owner.email})` : null],
                ["Business unit", asset.businessUnit],
                ["Hosting", `${labelOf(HOSTING, asset.hosting)}${asset.hostingProvider ? ` — ${asset.hostingProvider}` : ""}`],
                ["Locations", asset.locations.map((c) => `${countryName(c)} (${c})`).join(", ")],
              ]}
            />
          </Card>
          <Card title="Personal data">
            <KeyValues
              items={[
                ["Data categories", <CategoryBadges key="c" codes={asset.dataCategories} max={50} />],
                ["Data subjects", asset.subjectCategories.map((c) => labelOf(SUBJECT_CATEGORIES, c)).join(", ")],
                ["Volume", asset.volumeBand ? labelOf(VOLUME_BANDS, asset.volumeBand) : null],
                ["Retention", asset.retentionMonths ? `${asset.retentionMonths} months` : null],
                ["Deletion method", labelOf(DELETION_METHODS, asset.deletionMethod)],
              ]}
            />
          </Card>
          <Card title="Security">
            <KeyValues
              items={[
                ["Encryption at rest", <span key="e" data-testid="encryption-at-rest">{labelOf(ENCRYPTION_AT_REST, asset.encryptionAtRest)}</span>],
                ["Encryption in transit", labelOf(ENCRYPTION_IN_TRANSIT, asset.encryptionInTransit)],
                ["Access control", labelOf(ACCESS_CONTROL_MODELS, asset.accessControl)],
                ["MFA enforced", yesNo(asset.mfaEnforced)],
                ["Logging / monitoring", yesNo(asset.loggingEnabled)],
                ["Last penetration test", asset.lastPenTestAt],
                ["Backup", labelOf(BACKUP_POLICIES, asset.backup)],
              ]}
            />
          </Card>
          <Card title="Processing activities using this asset">
            {asset.activities.length === 0 ? (
              <p className="text-sm text-slate-600">No processing activity links to this asset yet.</p>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {asset.activities.map((p) => <li key={p.id}><Link href={`/inventory/activities/${p.id}`} className="text-indigo-700 hover:underline">{p.name}</Link></li>)}
              </ul>
            )}
          </Card>
          <UsedByAiSystems systems={aiSystems} what="asset" />
        </div>
        <div className="space-y-6">
          <ReviewCard kind="asset" record={asset} reviews={reviews} write={write} />
          {incidents && (
            <Card title="Incidents involving this asset" description="From the breach register">
              {incidents.length === 0 ? (
                <p className="text-sm text-slate-600">No incident is linked to this asset.</p>
              ) : (
                <ul className="space-y-2 text-sm" data-testid="asset-incidents">
                  {incidents.map((x) => (
                    <li key={x.id}>
                      <Link href={`/breaches/${x.id}`} className="font-medium text-indigo-700 hover:underline">{x.reference}</Link> {x.title}
                      <span className="block text-xs text-slate-500">discovered <DateTime value={x.discoveredAt} style="date" /> · {x.status}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
          <Card title="History" description="From the audit log">
            <RecordHistory events={history} />
          </Card>
        </div>
      </div>
    </>
  );
}
