import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Card, PageHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { pageActor } from "@/lib/server/auth/page-guard";
import { auditEventBySeq } from "@/lib/server/audit/status";
import { Forbidden } from "../../../_components/forbidden";

export const metadata: Metadata = { title: "Audit event" };

export default async function AuditEventPage({ params }: { params: Promise<{ seq: string }> }) {
  const { actor, denied } = await pageActor("audit:read");
  if (denied) return <Forbidden what="the audit log" />;
  const { seq } = await params;
  if (!/^[1-9]\d{0,15}$/.test(seq)) notFound();
  const e = await auditEventBySeq(actor, Number(seq));
  if (!e) notFound();
  const rows: [string, ReactNode][] = [
    ["Time", <DateTime value={e.at} />],
    // The exact instant as the signed leaf and the proof file carry it.
    ["Instant (UTC)", e.at.toISOString()],
    ["Actor", `${e.actorLabel ?? "—"} (${e.actorType})`],
    ["Action", e.action],
    ["Entity", e.entityType ? `${e.entityType} ${e.entityId ?? ""}` : null],
    ["Details", e.diff],
    ["IP", e.ip],
    ["Leaf hash", e.leafHash],
  ];
  return (
    <>
      <PageHeader
        title={`Audit event ${e.seq}`}
        description={<Link href="/audit" className="text-indigo-600 hover:underline">← Audit log</Link>}
        actions={<a className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500" href={`/audit/events/${e.seq}/proof`} download>Download proof (JSON)</a>}
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-600">{k}</dt>
              <dd className="break-all font-mono text-xs">{v ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Checking it yourself">
        <p className="text-sm text-slate-700">
          The proof holds the event, its leaf hash, the hashes that connect it to the newest signed tree head (RFC 9162 inclusion proof) and that head with its Ed25519 signature.
          Check it without trusting this server: fetch the <a className="text-indigo-600 hover:underline" href="/api/v1/audit/public-key">public key</a> once, keep it, then run
        </p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">node scripts/verify-audit-proof.mjs --public-key audit-public-key.pem audit-event-{e.seq}-proof.json</pre>
      </Card>
    </>
  );
}
