import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { newFormToken } from "@/lib/server/forms/form-token";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listOwnerCandidates } from "@/lib/server/inventory/assets";
import { Forbidden } from "../../../_components/forbidden";
import { AssetForm } from "../../_components/asset-form";

export const metadata: Metadata = { title: "New asset" };

export default async function NewAssetPage() {
  const { actor, denied } = await pageActor("inventory:write");
  if (denied) return <Forbidden what="changes to the data inventory" />;
  const owners = await listOwnerCandidates(actor);
  return (
    <>
      <PageHeader title="New system or data asset" description="Record where personal data lives and how it is protected. Gaps are flagged as soon as you save." />
      {/* A fresh one-time token per render: submitting this form twice makes one asset. */}
      <AssetForm owners={owners} formToken={newFormToken()} />
    </>
  );
}
