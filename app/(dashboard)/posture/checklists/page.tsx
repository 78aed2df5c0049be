import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Card, PageHeader } from "@/components/ui/card";
import { FRAMEWORK_LABELS, type Framework } from "@/lib/posture/types";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listChecklists } from "@/lib/server/posture/checklists";
import { allControls } from "@/lib/server/posture/controls";
import { Forbidden } from "../../_components/forbidden";
import { CreateChecklistForm } from "../_components/forms";

export const metadata: Metadata = { title: "Checklists" };

export default async function ChecklistsPage() {
  const { actor, denied } = await pageActor("posture:read");
  if (denied) return <Forbidden what="checklists" />;
  const [lists, controls] = await Promise.all([listChecklists(actor), allControls(actor)]);
  const write = can(actor, "posture:write");
  const overdue = controls.filter((c) => c.overdue);
  return (
    <>
      <PageHeader title="Checklists" description="Review a framework's controls, or a custom selection, together. Each review keeps its evidence; the next review date follows the control's frequency." actions={<Link href="/posture" className="text-sm font-semibold text-indigo-600 hover:underline">← Posture</Link>} />
      <div className="space-y-6">
        <Card title="Checklists">
          <table className="min-w-full text-sm" aria-label="Checklists">
            <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-2 pr-4">Checklist</th><th className="pr-4">Controls</th><th className="pr-4">Satisfied</th><th className="pr-4">Not reviewed</th><th>Overdue</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {lists.map((l) => (
                <tr key={l.id}>
                  <td className="py-2 pr-4"><Link href={`/posture/checklists/${l.id}`} className="font-medium text-indigo-700 hover:underline">{l.name}</Link> {l.framework ? <Badge>{FRAMEWORK_LABELS[l.framework as Framework] ? "framework" : l.framework}</Badge> : <Badge tone="indigo">custom</Badge>}</td>
                  <td className="pr-4">{l.total}</td>
                  <td className="pr-4">{l.satisfied}</td>
                  <td className="pr-4">{l.notReviewed}</td>
                  <td>{l.overdue ? <Badge tone="amber">{l.overdue}</Badge> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Overdue reviews" description="Manually reviewed controls past their next review date.">
          {overdue.length === 0 ? <p className="text-sm text-slate-600">None.</p> : (
            <ul className="space-y-1 text-sm" data-testid="overdue-list">
              {overdue.map((c) => <li key={c.id}><Link href={`/posture/controls/${encodeURIComponent(c.id)}`} className="text-indigo-700 hover:underline"><span className="font-mono text-xs">{c.id}</span> {c.title}</Link> <span className="text-slate-500">due <DateTime value={c.nextReviewAt} style="date" /></span></li>)}
            </ul>
          )}
        </Card>
        {write && (
          <Card title="New custom checklist" description="Pick the controls to review together (e.g. a quarterly security review).">
            <CreateChecklistForm controls={controls.map((c) => ({ id: c.id, title: c.title, framework: c.framework }))} />
          </Card>
        )}
      </div>
    </>
  );
}
