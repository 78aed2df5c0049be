import type { Metadata } from "next";
import Link from "next/link";
import { ArchivedFilterSelect } from "@/components/lifecycle/archive-controls";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listAiSystems } from "@/lib/server/oversight/registry";
import { Forbidden } from "../../_components/forbidden";
import { OversightTabs } from "../_components/oversight-tabs";
import { CreateAiSystemForm, CreateModelVersionForm, PolicyForm, RotateSecretForm, VersionCommand } from "../_components/registry-forms";

export const metadata: Metadata = { title: "AI systems" };

const TIER_TONE = { prohibited: "red", high: "amber", limited: "indigo", minimal: "gray" } as const;

export default async function SystemsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const { actor, denied } = await pageActor("oversight:read");
  if (denied) return <Forbidden what="the AI system registry" />;
  const admin = can(actor, "oversight:admin");
  const { archived } = await searchParams;
  const filter = archived === "archived" || archived === "all" ? archived : "active";
  const systems = await listAiSystems(actor, filter);
  return (
    <>
      <PageHeader title="AI systems" description="The registry: each system, its model versions (decisions only from an approved version) and its escalation policy." />
      <OversightTabs current="/oversight/systems" />
      <form method="get" className="mb-4 flex items-end gap-2" role="search">
        <ArchivedFilterSelect value={filter} />
        <Button type="submit" variant="secondary">Show</Button>
      </form>
      <div className="space-y-6">
        {systems.length === 0 && <EmptyState title="No AI systems registered">Register one below, or through POST /api/v1/ai-systems from your MLOps pipeline.</EmptyState>}
        {systems.map((s) => (
          <Card key={s.id} title={s.name} description={s.purpose} actions={<span className="flex items-center gap-2"><Badge tone={TIER_TONE[s.riskTier as keyof typeof TIER_TONE] ?? "gray"}>{s.riskTier} risk</Badge><Badge>{s.deploymentStatus}</Badge>{s.archivedAt && <Badge tone="gray">Archived</Badge>}<Link href={`/oversight/systems/${s.id}`} className="text-sm font-semibold text-indigo-700 hover:underline" aria-label={`Open ${s.name}`}>Open</Link></span>}>
            <p className="mb-3 text-xs text-slate-500">Owner: {s.owner ?? "—"} · id <span className="font-mono">{s.id}</span> · {s.openDecisions} open decisions · records kept {s.retentionDays} days</p>
            <p className="mb-3 text-xs text-slate-500" data-testid="system-links">
              Uses {s.assetIds.length} data asset{s.assetIds.length === 1 ? "" : "s"} and {s.processingActivityIds.length} processing activit{s.processingActivityIds.length === 1 ? "y" : "ies"} ·{" "}
              <Link href={`/oversight/systems/${s.id}`} className="text-indigo-700 underline">{admin ? "link inventory records" : "see details"}</Link>
            </p>
            <h3 className="text-sm font-semibold">Model versions</h3>
            {s.versions.length === 0 ? (
              <p className="text-sm text-slate-600">None yet.</p>
            ) : (
              <table className="mt-1 min-w-full text-sm">
                <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-1 pr-3">Version</th><th className="pr-3">SHA-256</th><th className="pr-3">Notes</th><th className="pr-3">Status</th><th /></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {s.versions.map((v) => (
                    <tr key={v.id}>
                      <td className="py-1.5 pr-3 font-medium">{v.version}</td>
                      <td className="pr-3 font-mono text-xs" title={v.artifactSha256}>{v.artifactSha256.slice(0, 12)}…</td>
                      <td className="max-w-xs truncate pr-3 text-xs" title={v.notes ?? ""}>{v.notes ?? "—"}</td>
                      <td className="pr-3"><Badge tone={v.status === "approved" ? "green" : v.status === "retired" ? "gray" : "amber"}>{v.status}</Badge>{v.approvedBy && <span className="block text-xs text-slate-500">by {v.approvedBy}</span>}</td>
                      <td>{admin && v.status === "draft" && <VersionCommand aiSystemId={s.id} versionId={v.id} command="approve" />}{admin && v.status !== "retired" && <VersionCommand aiSystemId={s.id} versionId={v.id} command="retire" />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {admin && <div className="mt-3 border-t border-slate-100 pt-3"><CreateModelVersionForm aiSystemId={s.id} /></div>}
            <h3 className="mt-4 text-sm font-semibold">Escalation policy {s.policy ? <span className="font-normal text-slate-500">(revision {s.policy.revision})</span> : <Badge tone="amber">none: every decision needs one approval</Badge>}</h3>
            {admin ? (
              <PolicyForm aiSystemId={s.id} rules={s.policy?.rules ?? []} allowAdminReview={s.policy?.allowAdminReview ?? false} />
            ) : (
              <pre className="mt-1 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(s.policy?.rules ?? [], null, 2)}</pre>
            )}
            {admin && <div className="mt-3"><RotateSecretForm aiSystemId={s.id} /></div>}
          </Card>
        ))}
        {admin && (
          <Card title="Register an AI system" description="The callback signing secret is shown once after registering.">
            <CreateAiSystemForm />
          </Card>
        )}
      </div>
    </>
  );
}
