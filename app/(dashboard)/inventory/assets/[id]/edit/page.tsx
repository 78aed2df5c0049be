import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getAsset, listOwnerCandidates } from "@/lib/server/inventory/assets";
import { Forbidden } from "../../../../_components/forbidden";
import { AssetForm } from "../../../_components/asset-form";

export const metadata: Metadata = { title: "Edit asset" };

export default async function EditAssetPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, denied } = await pageActor("inventory:write");
  if (denied) return <Forbidden what="changes to the data inventory" />;
  const { id } = await params;
  const asset = await getAsset(actor, id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const owners = await listOwnerCandidates(actor);
  const { id: _id, owner: _o, activities: _a, findings: _f, lastReviewedAt: _l, reviewOverdue: _r, createdAt: _c, updatedAt: _u, archivedAt: _x, archivedBy: _y, version, ...input } = asset;
  return (
    <>
      <PageHeader title={`Edit ${asset.name}`} />
      <AssetForm owners={owners} initial={input} id={asset.id} version={version} />
    </>
  );
}
