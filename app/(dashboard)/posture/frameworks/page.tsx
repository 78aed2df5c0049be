import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listFrameworks } from "@/lib/server/posture/frameworks/coverage";
import { Forbidden } from "../../_components/forbidden";
import { ScoreValue } from "../_components/status-badge";

export const metadata: Metadata = { title: "Frameworks" };

export default async function FrameworksPage() {
  const { actor, denied } = await pageActor("posture:read");
  if (denied) return <Forbidden what="frameworks" />;
  const frameworks = await listFrameworks(actor);
  return (
    <>
      <PageHeader title="Frameworks" description="Each framework's requirements and how the organisation's controls cover them. A control's status and evidence count for every requirement it maps to (decision 520)." actions={<div className="flex gap-3"><Link href="/posture" className="text-sm font-semibold text-indigo-600 hover:underline">← Posture</Link><Link href="/admin/frameworks" className="text-sm font-semibold text-indigo-600 hover:underline">Import / export (OSCAL)</Link></div>} />
      <Card title="Coverage by framework">
        <table className="min-w-full text-sm" aria-label="Frameworks">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">Framework</th><th className="pr-4">Score</th><th className="pr-4">Requirements</th><th className="pr-4">Satisfied</th><th className="pr-4">Partial</th><th className="pr-4">Not satisfied</th><th className="pr-4">Not applicable</th><th>Unmapped</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {frameworks.map((f) => (
              <tr key={f.id}>
                <td className="py-2 pr-4"><Link href={`/posture/frameworks/${encodeURIComponent(f.id)}`} className="font-medium text-indigo-700 hover:underline">{f.title}</Link> <span className="text-xs text-slate-500">{f.version}</span> {f.licence === "outline" && <Badge tone="amber">outline</Badge>}</td>
                <td className="pr-4"><ScoreValue score={f.coverage.score} /></td>
                <td className="pr-4">{f.coverage.assessable}</td>
                <td className="pr-4">{f.coverage.satisfied}</td>
                <td className="pr-4">{f.coverage.partial}</td>
                <td className="pr-4">{f.coverage.not_satisfied}</td>
                <td className="pr-4">{f.coverage.not_applicable}</td>
                <td>{f.coverage.unmapped}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-slate-500">Score = 100 × (satisfied + ½ partial) ÷ (requirements − not applicable); unmapped requirements count 0. Outline frameworks list identifiers and titles only: their text is copyrighted.</p>
      </Card>
    </>
  );
}
