import type { Metadata } from "next";
import Link from "next/link";
import { ArchivedFilterSelect } from "@/components/lifecycle/archive-controls";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/field";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { pageAiSystems } from "@/lib/server/oversight/registry";
import { Pagination, searchParamsRecord } from "../../inventory/_components/pagination";
import { Forbidden } from "../../_components/forbidden";
import { OversightTabs } from "../_components/oversight-tabs";
import { CreateAiSystemForm } from "../_components/registry-forms";

export const metadata: Metadata = { title: "AI systems" };

const TIER_TONE = { prohibited: "red", high: "amber", limited: "indigo", minimal: "gray" } as const;

// A page of systems, each as a summary; the forms that change one (versions, policy, secret)
// are on its own page. With every form on every card the registry was 35 KB per system.
const PAGE_SIZE = 25;

export default async function SystemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("oversight:read");
  if (denied) return <Forbidden what="the AI system registry" />;
  const admin = can(actor, "oversight:admin");
  const params = searchParamsRecord(await searchParams);
  const filter = params.archived === "archived" || params.archived === "all" ? params.archived : "active";
  const q = params.q?.trim() ?? "";
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const { items: systems, total } = await pageAiSystems(actor, { archived: filter, q, page, pageSize: PAGE_SIZE });
  const keep = { ...(filter !== "active" ? { archived: filter } : {}), ...(q ? { q } : {}) };
  return (
    <>
      <PageHeader title="AI systems" description="The registry: each system, its model versions (decisions only from an approved version) and its escalation policy." />
      <OversightTabs current="/oversight/systems" />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <Field label="Name"><Input name="q" defaultValue={q} placeholder="part of a name" /></Field>
        <ArchivedFilterSelect value={filter} />
        <Button type="submit" variant="secondary">Show</Button>
        {(q || filter !== "active") && <Link href="/oversight/systems" className="px-2 py-1.5 text-sm text-slate-600 hover:underline">Clear</Link>}
      </form>
      <div className="space-y-4">
        {systems.length === 0 && (q ? <EmptyState title="No AI system matches">Nothing named like “{q}”{filter === "active" ? " among the active systems" : ""}.</EmptyState> : <EmptyState title="No AI systems registered">Register one below, or through POST /api/v1/ai-systems from your MLOps pipeline.</EmptyState>)}
        {systems.map((s) => {
          const approved = s.versions.filter((v) => v.status === "approved");
          const drafts = s.versions.filter((v) => v.status === "draft").length;
          return (
            <Card key={s.id} title={s.name} description={s.purpose} actions={<span className="flex items-center gap-2"><Badge tone={TIER_TONE[s.riskTier as keyof typeof TIER_TONE] ?? "gray"}>{s.riskTier} risk</Badge><Badge>{s.deploymentStatus}</Badge>{s.archivedAt && <Badge tone="gray">Archived</Badge>}<Link href={`/oversight/systems/${s.id}`} className="text-sm font-semibold text-indigo-700 hover:underline" aria-label={`Open ${s.name}`}>Open</Link></span>}>
              <p className="text-xs text-slate-500">Owner: {s.owner ?? "—"} · id <span className="font-mono">{s.id}</span> · {s.openDecisions} open decisions · records kept {s.retentionDays} days</p>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3" data-testid="system-summary">
                <div><dt className="text-xs text-slate-500">Model versions</dt><dd>{s.versions.length === 0 ? "None yet" : `${s.versions.length}: ${approved.length ? `${approved.at(-1)!.version} approved` : "none approved"}${drafts ? `, ${drafts} draft${drafts === 1 ? "" : "s"} waiting` : ""}`}</dd></div>
                <div><dt className="text-xs text-slate-500">Escalation policy</dt><dd>{s.policy ? `revision ${s.policy.revision}, ${s.policy.rules.length} rule${s.policy.rules.length === 1 ? "" : "s"}` : <Badge tone="amber">none: every decision needs one approval</Badge>}</dd></div>
                <div data-testid="system-links"><dt className="text-xs text-slate-500">Inventory</dt><dd>{s.assetIds.length} data asset{s.assetIds.length === 1 ? "" : "s"}, {s.processingActivityIds.length} processing activit{s.processingActivityIds.length === 1 ? "y" : "ies"}</dd></div>
              </dl>
              <p className="mt-2 text-sm"><Link href={`/oversight/systems/${s.id}`} className="text-indigo-700 underline">{admin ? "Manage versions, policy, links and the callback secret" : "See details"}</Link></p>
            </Card>
          );
        })}
        {total > PAGE_SIZE && <Pagination basePath="/oversight/systems" params={keep} page={page} pageSize={PAGE_SIZE} total={total} />}
        {admin && (
          <Card title="Register an AI system" description="The callback signing secret is shown once after registering.">
            <CreateAiSystemForm />
          </Card>
        )}
      </div>
    </>
  );
}
