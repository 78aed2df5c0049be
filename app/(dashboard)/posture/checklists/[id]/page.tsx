import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { AREA_LABELS } from "@/lib/posture/types";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getChecklist } from "@/lib/server/posture/checklists";
import { Forbidden } from "../../../_components/forbidden";
import { StatusBadge } from "../../_components/status-badge";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Checklist" };

export default async function ChecklistPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, denied } = await pageActor("posture:read");
  if (denied) return <Forbidden what="checklists" />;
  const { id } = await params;
  let list;
  try {
    list = await getChecklist(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const write = can(actor, "posture:write");
  const done = list.controls.filter((c) => c.status !== "not_reviewed" && !c.overdue).length;
  return (
    <>
      <PageHeader title={list.name} description={list.description ?? undefined} actions={<Link href="/posture/checklists" className="text-sm font-semibold text-indigo-600 hover:underline">← Checklists</Link>} />
      <Card title={`${done} of ${list.controls.length} controls reviewed and current`}>
        <table className="min-w-full text-sm" aria-label="Checklist controls">
          <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-2 pr-4">Control</th><th className="pr-4">Area</th><th className="pr-4">Status</th><th className="pr-4">Last reviewed</th><th /></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {list.controls.map((c) => (
              <tr key={c.id} data-testid={`checklist-row-${c.id}`}>
                <td className="py-2 pr-4"><span className="font-mono text-xs">{c.id}</span> {c.title}<span className="block text-xs text-slate-500">{c.citation}</span></td>
                <td className="pr-4">{AREA_LABELS[c.area]}</td>
                <td className="pr-4"><StatusBadge status={c.status} />{c.overdue && <span className="ml-1"><Badge tone="amber">overdue</Badge></span>}</td>
                <td className="pr-4"><DateTime value={c.lastReviewedAt} style="date" fallback="never" /></td>
                <td><Link href={`/posture/controls/${encodeURIComponent(c.id)}?checklist=${list.id}`} className="font-semibold text-indigo-600 hover:underline">{write ? "Review" : "Open"}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
