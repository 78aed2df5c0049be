import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { REQUIREMENT_STATUS_LABELS, type RequirementStatus } from "@/lib/posture/frameworks/coverage";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { frameworkDetail } from "@/lib/server/posture/frameworks/coverage";
import { crosswalksOf } from "@/lib/server/posture/frameworks/mappings";
import { Forbidden } from "../../../_components/forbidden";
import { ScoreValue } from "../../_components/status-badge";
import { ApplicabilityForm, CrosswalkForm, MapControlForm, RemoveCrosswalkButton, UnmapButton } from "../forms";

export const metadata: Metadata = { title: "Framework" };
const PAGE_SIZE = 50;
const TONE: Record<RequirementStatus, "green" | "amber" | "red" | "gray"> = { satisfied: "green", partial: "amber", not_satisfied: "red", not_applicable: "gray", unmapped: "gray" };

export default async function FrameworkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; status?: string }> }) {
  const { actor, denied } = await pageActor("posture:read");
  if (denied) return <Forbidden what="frameworks" />;
  const { id } = await params;
  const sp = await searchParams;
  let d;
  try {
    d = await frameworkDetail(actor, decodeURIComponent(id));
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const write = can(actor, "posture:write");
  const cov = new Map(d.coverage.requirements.map((r) => [r.requirementId, r]));
  const byId = new Map(d.requirements.map((r) => [r.id, r]));
  const depth = (pid: string | null): number => (pid ? 1 + depth(byId.get(pid)?.parentId ?? null) : 0);
  const status = sp.status && sp.status in REQUIREMENT_STATUS_LABELS ? (sp.status as RequirementStatus) : null;
  const rows = d.requirements.filter((r) => !status || cov.get(r.id)?.status === status);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const controls = [...d.controls.entries()].map(([cid, c]) => ({ id: cid, title: c.title }));
  const crosswalks = await crosswalksOf(actor, d.framework.id);
  const s = d.coverage.summary;
  const href = (p: number, st = status) => `/posture/frameworks/${encodeURIComponent(d.framework.id)}?page=${p}${st ? `&status=${st}` : ""}`;
  return (
    <>
      <PageHeader title={d.framework.title} description={`${d.framework.version}. ${d.framework.licenceNote}`} actions={<Link href="/posture/frameworks" className="text-sm font-semibold text-indigo-600 hover:underline">← Frameworks</Link>} />
      <div className="space-y-6">
        <Card title="Coverage">
          <p className="text-sm">Score <ScoreValue score={s.score} /> · {s.assessable} requirements · {s.satisfied} satisfied · {s.partial} partial · {s.not_satisfied} not satisfied · {s.not_applicable} not applicable · {s.unmapped} unmapped</p>
          {d.framework.licence === "outline" && <p className="mt-2 text-sm text-amber-800">Outline: identifiers, titles and citations only. The requirement text is copyrighted; read it in your licensed copy.</p>}
          <p className="mt-2 text-sm">
            Statement of applicability: <a className="text-indigo-700 hover:underline" href={`/posture/frameworks/${encodeURIComponent(d.framework.id)}/soa?format=xlsx`}>XLSX</a> · <a className="text-indigo-700 hover:underline" href={`/posture/frameworks/${encodeURIComponent(d.framework.id)}/soa?format=pdf`}>PDF</a>
          </p>
          <nav aria-label="Filter by status" className="mt-2 flex flex-wrap gap-2 text-xs">
            <Link href={href(1, null)} className="hover:underline">All</Link>
            {(Object.keys(REQUIREMENT_STATUS_LABELS) as RequirementStatus[]).map((k) => <Link key={k} href={href(1, k)} className="hover:underline" aria-current={status === k ? "page" : undefined}>{REQUIREMENT_STATUS_LABELS[k]}</Link>)}
          </nav>
        </Card>
        <Card title="Requirements">
          <ul className="divide-y divide-slate-100" aria-label="Requirements">
            {shown.map((r) => {
              const c = cov.get(r.id);
              return (
                <li key={r.id} className="py-3" style={{ paddingLeft: `${depth(r.parentId) * 1.25}rem` }}>
                  <h3 className="text-sm font-medium"><span className="font-mono text-xs">{r.identifier}</span> {r.title} {c && <Badge tone={TONE[c.status]}>{REQUIREMENT_STATUS_LABELS[c.status]}</Badge>} {typeof r.attributes.specification === "string" && <Badge>{r.attributes.specification}</Badge>} {Array.isArray(r.attributes.appliesTo) && <Badge tone="indigo">{(r.attributes.appliesTo as string[]).join(", ")}</Badge>}</h3>
                  {r.text && r.text !== r.title && <p className="mt-1 text-xs text-slate-600">{r.text}</p>}
                  {r.citation && <p className="text-xs text-slate-500">{r.citation}</p>}
                  {c && (
                    <div className="mt-1 space-y-2 text-xs">
                      {c.reason && <p>Not applicable: {c.reason}</p>}
                      {c.controlIds.length > 0 && <p>Controls: {c.controlIds.map((cid) => <span key={cid} className="mr-2"><Link className="text-indigo-700 hover:underline" href={`/posture/controls/${encodeURIComponent(cid)}`}>{cid}</Link>{write && <> <UnmapButton requirementId={r.id} controlId={cid} /></>}</span>)} · evidence {c.evidenceCount}</p>}
                      {write && <details><summary className="cursor-pointer text-indigo-700">Edit mapping and applicability</summary><div className="mt-2 space-y-2"><MapControlForm requirementId={r.id} controls={controls} /><ApplicabilityForm requirementId={r.id} notApplicable={c.status === "not_applicable" && c.reason !== "Every mapped control is not applicable."} /></div></details>}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
            {page > 1 && <Link href={href(page - 1)} className="text-indigo-700 hover:underline">← Previous</Link>}
            <span>Page {page} of {pages}</span>
            {page < pages && <Link href={href(page + 1)} className="text-indigo-700 hover:underline">Next →</Link>}
          </nav>
        </Card>
        <Card title="Crosswalks" description="Requirement-to-requirement mappings with the source they come from.">
          <ul className="space-y-1 text-xs" aria-label="Crosswalks">
            {crosswalks.slice(0, 200).map((x) => <li key={x.id}><span className="font-mono">{x.fromId}</span> → <span className="font-mono">{x.toId}</span> ({x.relationship}) — {x.source} {write && <RemoveCrosswalkButton id={x.id} />}</li>)}
          </ul>
          {write && <div className="mt-3"><CrosswalkForm frameworkId={d.framework.id} /></div>}
        </Card>
      </div>
    </>
  );
}
