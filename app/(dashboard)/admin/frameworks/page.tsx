import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listFrameworks } from "@/lib/server/posture/frameworks/coverage";
import { Forbidden } from "../../_components/forbidden";
import { ImportFrameworkForm } from "./import-form";

export const metadata: Metadata = { title: "Import a framework" };

export default async function AdminFrameworksPage() {
  const { actor, denied } = await pageActor("posture:read");
  if (denied || !can(actor, "posture:write")) return <Forbidden what="framework import" />;
  const frameworks = await listFrameworks(actor);
  return (
    <>
      <PageHeader title="Import a framework" description="Load a framework someone else wrote. OSCAL 1.1.x and 1.0.x catalogs and profiles are validated against NIST's OSCAL JSON schema of their version (1.1.3 or 1.0.6); a profile is resolved to the selected controls of a catalog imported before. Exports are OSCAL 1.1.3." actions={<Link href="/posture/frameworks" className="text-sm font-semibold text-indigo-600 hover:underline">Frameworks →</Link>} />
      <div className="space-y-6">
        <Card title="Upload"><ImportFrameworkForm frameworks={frameworks.filter((f) => f.origin === "import").map((f) => ({ id: f.id, title: f.title }))} /></Card>
        <Card title="Export">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li><a className="text-indigo-700 hover:underline" href="/posture/frameworks/implementation/oscal">The organisation's implementation as an OSCAL component-definition</a></li>
            {frameworks.map((f) => <li key={f.id}><a className="text-indigo-700 hover:underline" href={`/posture/frameworks/${encodeURIComponent(f.id)}/oscal`}>{f.title} as an OSCAL catalog</a></li>)}
          </ul>
        </Card>
      </div>
    </>
  );
}
