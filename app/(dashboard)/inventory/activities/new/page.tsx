import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { newFormToken } from "@/lib/server/forms/form-token";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listAssets } from "@/lib/server/inventory/assets";
import { getSetting } from "@/lib/server/settings/settings";
import { Forbidden } from "../../../_components/forbidden";
import { ActivityForm } from "../../_components/activity-form";

export const metadata: Metadata = { title: "New processing activity" };

export default async function NewActivityPage() {
  const { actor, denied } = await pageActor("inventory:write");
  if (denied) return <Forbidden what="changes to the data inventory" />;
  const [assets, org] = await Promise.all([listAssets(actor, { limit: 200 }), getSetting("org.name")]);
  return (
    <>
      <PageHeader title="New processing activity" description="Every item of GDPR Art. 30(1)(a)-(g). Gaps are flagged as soon as you save." />
      {/* A fresh one-time token per render: submitting this form twice makes one record. */}
      <ActivityForm assets={assets.items.map((a) => ({ id: a.id, name: a.name }))} defaultController={org} formToken={newFormToken()} />
    </>
  );
}
