import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveControls } from "@/components/lifecycle/archive-controls";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { getAiSystemLinks, LINK_CANDIDATES_SHOWN, linkCandidates, type LinkedRecord } from "@/lib/server/oversight/links";
import { getAiSystem } from "@/lib/server/oversight/registry";
import { archiveAiSystemAction } from "../../actions";
import { Forbidden } from "../../../_components/forbidden";
import { LinksForm } from "../../_components/links-form";
import { OversightTabs } from "../../_components/oversight-tabs";
import { PolicyMeaning } from "../../_components/policy-editor";
import { CreateModelVersionForm, PolicyForm, RotateSecretForm, VersionCommand } from "../../_components/registry-forms";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "AI system" };

const TIER_TONE = { prohibited: "red", high: "amber", limited: "indigo", minimal: "gray" } as const;

function LinkedList({ items, href, empty, testId }: { items: LinkedRecord[]; href: (id: string) => string; empty: string; testId: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="list-disc pl-5 text-sm" data-testid={testId}>
      {items.map((r) => (
        <li key={r.id}>{r.name ? <Link href={href(r.id)} className="text-indigo-700 hover:underline">{r.name}</Link> : <span className="font-mono text-xs" title="You cannot read the data inventory">{r.id}</span>}</li>
      ))}
    </ul>
  );
}

/** Archived records are out of the picker, except those already linked (saving keeps them). */
function offered<T extends { id: string; name: string; archivedAt: Date | null }>(all: T[], linked: string[]): T[] {
  return all.filter((r) => !r.archivedAt || linked.includes(r.id)).map((r) => (r.archivedAt ? { ...r, name: `${r.name} (archived)` } : r));
}

export default async function AiSystemPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("oversight:read");
  if (denied) return <Forbidden what="the AI system registry" />;
  const { id } = await params;
  const system = await getAiSystem(actor, id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const admin = can(actor, "oversight:admin");
  const sp = await searchParams;
  const find = typeof sp.find === "string" ? sp.find : "";
  const [links, candidates] = await Promise.all([
    getAiSystemLinks(actor, id),
    admin && can(actor, "inventory:read") ? linkCandidates(actor, { find, linkedAssetIds: system.assetIds, linkedActivityIds: system.processingActivityIds }) : null,
  ]);
  const more = candidates && (candidates.matches.assets > LINK_CANDIDATES_SHOWN || candidates.matches.processingActivities > LINK_CANDIDATES_SHOWN);
  return (
    <>
      <PageHeader
        title={system.name}
        description={system.purpose}
        actions={<span className="flex items-center gap-2"><Badge tone={TIER_TONE[system.riskTier] ?? "gray"}>{system.riskTier} risk</Badge><Badge>{system.deploymentStatus}</Badge></span>}
      />
      <OversightTabs current="/oversight/systems" />
      <p className="mb-4 text-sm"><Link href="/oversight/systems" className="text-indigo-700 hover:underline">← All AI systems</Link></p>
      <ArchiveControls action={archiveAiSystemAction} id={system.id} kind="ai_system" what="AI system" archivedAt={system.archivedAt} archivedWhen={<DateTime value={system.archivedAt} style="date" />} archivedBy={system.archivedBy} canWrite={admin} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Data inventory used" description="The assets the system reads or writes and the Art. 30 processing activities it serves. The inventory pages show this system in return.">
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <h3 className="mb-1 text-sm font-semibold">Data assets</h3>
                <LinkedList items={links.assets} href={(x) => `/inventory/assets/${x}`} empty="No asset linked." testId="linked-assets" />
              </div>
              <div>
                <h3 className="mb-1 text-sm font-semibold">Processing activities</h3>
                <LinkedList items={links.processingActivities} href={(x) => `/inventory/activities/${x}`} empty="No processing activity linked." testId="linked-activities" />
              </div>
            </div>
            {candidates && (
              <div className="mt-4 border-t border-slate-100 pt-4">
                {/* The picker offers the linked records and the first matches by name: any record is one search away. */}
                <form method="get" role="search" className="mb-3 flex flex-wrap items-end gap-2" aria-label="Find inventory records to link">
                  <Field label="Find assets and activities by name"><Input name="find" defaultValue={find} placeholder="part of a name" /></Field>
                  <Button type="submit" variant="secondary">Find</Button>
                  {candidates.find && <Link href={`/oversight/systems/${system.id}`} className="px-2 py-1.5 text-sm text-slate-600 hover:underline">Clear</Link>}
                </form>
                <p className="mb-2 text-xs text-slate-500" data-testid="link-candidates-note">
                  {candidates.find ? `Matching “${candidates.find}”: ` : ""}
                  {candidates.matches.assets.toLocaleString("en-US")} asset{candidates.matches.assets === 1 ? "" : "s"} and {candidates.matches.processingActivities.toLocaleString("en-US")} activit{candidates.matches.processingActivities === 1 ? "y" : "ies"}
                  {more ? `; the first ${LINK_CANDIDATES_SHOWN} of each by name are offered below, with those already linked. Narrow the search to see others.` : "."}
                </p>
                <LinksForm
                  aiSystemId={system.id}
                  assets={offered(candidates.assets, system.assetIds).map((a) => ({ id: a.id, name: a.name, hint: a.businessUnit }))}
                  activities={offered(candidates.processingActivities, system.processingActivityIds).map((p) => ({ id: p.id, name: p.name, hint: p.role === "processor" ? "processor" : null }))}
                  selectedAssets={system.assetIds}
                  selectedActivities={system.processingActivityIds}
                />
              </div>
            )}
          </Card>
          <Card title="Model versions" description="Decisions are accepted only from an approved, non-retired version.">
            {system.versions.length === 0 ? (
              <p className="text-sm text-slate-600">None yet.</p>
            ) : (
              <table className="min-w-full text-sm">
                <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-1 pr-3">Version</th><th className="pr-3">SHA-256</th><th className="pr-3">Training data</th><th className="pr-3">Notes</th><th className="pr-3">Status</th><th /></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {system.versions.map((v) => (
                    <tr key={v.id}>
                      <td className="py-1.5 pr-3 font-medium">{v.version}</td>
                      <td className="pr-3 font-mono text-xs" title={v.artifactSha256}>{v.artifactSha256.slice(0, 12)}…</td>
                      <td className="max-w-[10rem] truncate pr-3 text-xs" title={v.trainingDataRef ?? ""}>{v.trainingDataRef ?? "—"}</td>
                      <td className="max-w-xs truncate pr-3 text-xs" title={v.notes ?? ""}>{v.notes ?? "—"}</td>
                      <td className="pr-3"><Badge tone={v.status === "approved" ? "green" : v.status === "retired" ? "gray" : "amber"}>{v.status}</Badge>{v.approvedBy && <span className="block text-xs text-slate-500">by {v.approvedBy}</span>}</td>
                      <td>{admin && v.status === "draft" && <VersionCommand aiSystemId={system.id} versionId={v.id} command="approve" />}{admin && v.status !== "retired" && <VersionCommand aiSystemId={system.id} versionId={v.id} command="retire" />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {admin && <div className="mt-3 border-t border-slate-100 pt-3"><CreateModelVersionForm aiSystemId={system.id} /></div>}
          </Card>
          <Card title="Escalation policy" description={system.policy ? `Revision ${system.policy.revision}` : "None: every decision needs one approval."}>
            {admin ? (
              <PolicyForm aiSystemId={system.id} rules={system.policy?.rules ?? []} allowAdminReview={system.policy?.allowAdminReview ?? false} />
            ) : (
              <PolicyMeaning rules={system.policy?.rules ?? []} />
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="System">
            <dl className="space-y-2 text-sm">
              <div><dt className="text-xs text-slate-500">Owner</dt><dd>{system.owner ?? "—"}</dd></div>
              <div><dt className="text-xs text-slate-500">Id</dt><dd className="font-mono text-xs">{system.id}</dd></div>
              <div><dt className="text-xs text-slate-500">Open decisions</dt><dd><Link href={`/oversight/inbox?system=${system.id}`} className="text-indigo-700 hover:underline">{system.openDecisions}</Link></dd></div>
              <div><dt className="text-xs text-slate-500">Records kept</dt><dd>{system.retentionDays} days</dd></div>
              <div><dt className="text-xs text-slate-500">Registered</dt><dd><DateTime value={system.createdAt} style="date" /></dd></div>
            </dl>
            {admin && <div className="mt-4 border-t border-slate-100 pt-3"><RotateSecretForm aiSystemId={system.id} /></div>}
          </Card>
        </div>
      </div>
    </>
  );
}
