import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getActivity } from "@/lib/server/inventory/activities";
import { listAssets } from "@/lib/server/inventory/assets";
import { Forbidden } from "../../../../_components/forbidden";
import { ActivityForm } from "../../../_components/activity-form";

export const metadata: Metadata = { title: "Edit processing activity" };

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, denied } = await pageActor("inventory:write");
  if (denied) return <Forbidden what="changes to the data inventory" />;
  const { id } = await params;
  const activity = await getActivity(actor, id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const assets = await listAssets(actor, { limit: 200 });
  const { id: _id, assets: _a, findings: _f, lastReviewedAt: _l, reviewOverdue: _r, createdAt: _c, updatedAt: _u, version, ...input } = activity;
  return (
    <>
      <PageHeader title={`Edit ${activity.name}`} />
      <ActivityForm assets={assets.items.map((a) => ({ id: a.id, name: a.name }))} initial={input} id={activity.id} version={version} />
    </>
  );
}
