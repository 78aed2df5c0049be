import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { consentRetentionReport } from "@/lib/server/consent/retention";
import { Forbidden } from "../../_components/forbidden";
import { RetentionRun } from "../_components/forms";

export const metadata: Metadata = { title: "Consent evidence retention" };

export default async function RetentionPage() {
  const { actor, denied } = await pageActor("consent:read");
  if (denied) return <Forbidden what="consent records" />;
  const report = await consentRetentionReport(actor);
  return (
    <>
      <Link href="/consent" className="text-sm text-indigo-600 hover:underline">← Consent</Link>
      <PageHeader title="Evidence retention" description="Evidence (user agents, IP hashes) past each purpose's retention period. Removing it needs a confirmation and is recorded in the audit log; the consent events themselves are kept as proof." />
      <Card title="Past retention" description={<>Checked <DateTime value={report.ranAt} /></>}>
        {report.lines.length === 0 ? (
          <p className="text-sm text-slate-500">No purpose has a retention period; set one on a purpose&apos;s page.</p>
        ) : (
          <table className="mb-4 min-w-full text-sm">
            <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-2 pr-4">Purpose</th><th className="pr-4">Retention</th><th className="pr-4">Received before</th><th className="pr-4">Records past retention</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {report.lines.map((l) => (
                <tr key={l.purpose}><td className="py-2 pr-4 font-mono text-xs">{l.purpose}</td><td className="pr-4">{l.retentionDays} days</td><td className="pr-4 text-xs"><DateTime value={l.cutoff} /></td><td className="pr-4">{l.expired}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        <RetentionRun canPurge={can(actor, "consent:write")} expired={report.totalExpired} />
      </Card>
    </>
  );
}
