import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ACTIVITY_COLUMNS, ASSET_COLUMNS } from "@/lib/inventory/csv-format";
import { pageActor } from "@/lib/server/auth/page-guard";
import { Forbidden } from "../../_components/forbidden";
import { ImportForm } from "../_components/import-form";
import { ExportLinks, InventoryTabs } from "../_components/inventory-nav";

export const metadata: Metadata = { title: "Import inventory" };

export default async function ImportPage() {
  const { denied } = await pageActor("inventory:write");
  if (denied) return <Forbidden what="changes to the data inventory" />;
  return (
    <>
      <PageHeader title="Import from CSV" description="Preview first: every row is checked and bad rows are named by their row number. The import is all-or-nothing — if any row is invalid, nothing changes." />
      <InventoryTabs current="overview" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2"><Card title="Import"><ImportForm assetColumns={ASSET_COLUMNS} activityColumns={ACTIVITY_COLUMNS} /></Card></div>
        <Card title="Templates" description="Export the current register and use it as a template."><ExportLinks /></Card>
      </div>
    </>
  );
}
