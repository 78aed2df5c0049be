import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { pageActor } from "@/lib/server/auth/page-guard";
import { orgTimeZone } from "@/lib/server/breaches/incident-core";
import { Forbidden } from "../../_components/forbidden";
import { IncidentWizard } from "../_components/incident-wizard";

export const metadata: Metadata = { title: "Report an incident" };

export default async function NewIncidentPage() {
  const { denied } = await pageActor("breach:write");
  if (denied) return <Forbidden what="incident reporting" />;
  const timeZone = await orgTimeZone();
  return (
    <>
      <PageHeader
        title="Report an incident"
        description="Five short steps. Only what the notification rules need is asked; you can add the rest (timeline, assessments) on the incident page."
        actions={<Link href="/breaches" className="text-sm text-slate-600 hover:underline">Cancel</Link>}
      />
      <Card><IncidentWizard timeZone={timeZone} /></Card>
    </>
  );
}
