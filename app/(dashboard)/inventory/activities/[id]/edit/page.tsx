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
  const { id: _id, assets: _a, findings: _f, lastReviewedAt: _l, reviewOverdue: _r, createdAt: _c, updatedAt: _u, archivedAt: _x, archivedBy: _y, version, ...input } = activity;
  // The picker offers active assets; a link the record already has to an archived one stays on offer, so saving keeps it.
  const offered = [...assets.items, ...activity.assets.filter((a) => !assets.items.some((x) => x.id === a.id)).map((a) => ({ ...a, name: `${a.name} (archived)` }))];
  return (
    <>
      <PageHeader title={`Edit ${activity.name}`} />
      <ActivityForm assets={offered.map((a) => ({ id: a.id, name: a.name }))} initial={input} id={activity.id} version={version} />
    </>
  );
}
