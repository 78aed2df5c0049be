import Link from "next/link";
import { PageHeader, Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS, roleHas, type Permission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/server/auth/current-actor";
import { getOverview } from "@/lib/server/overview";
import { can } from "@/lib/server/authz";
import { currentPosture } from "@/lib/server/posture/controls";
import { ensureDailySnapshot } from "@/lib/server/posture/snapshots";
import { AREA_LABELS, AREAS as POSTURE_AREAS } from "@/lib/posture/types";

const AREAS = [
  { href: "/inventory", title: "Inventory", text: "Systems, data assets and Art. 30 records.", permission: "inventory:read" },
  { href: "/consent", title: "Consent", text: "Consent ledger, GPC and proof.", permission: "consent:read" },
  { href: "/breaches", title: "Breaches", text: "Incidents and notification deadlines.", permission: "breach:read" },
  { href: "/oversight", title: "Oversight", text: "AI decisions escalated for human review.", permission: "oversight:read" },
  { href: "/posture", title: "Checklists & posture", text: "Controls, reviews and the posture score.", permission: "posture:read" },
] as const satisfies readonly { href: string; title: string; text: string; permission: Permission }[];

export default async function OverviewPage() {
  const actor = await requireActor();
  const o = await getOverview(actor);
  let posture: Awaited<ReturnType<typeof currentPosture>> | null = null;
  if (can(actor, "posture:read")) {
    await ensureDailySnapshot();
    posture = await currentPosture(actor);
  }
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} description={`Signed in as ${ROLE_LABELS[actor.role]}.`} />
      <div className="grid gap-4 md:grid-cols-3">
        {posture && (
          <Card title="Compliance posture">
            <p className="text-3xl font-bold text-slate-900" data-testid="overview-posture-score">{posture.scores.overall === null ? "n/a" : posture.scores.overall.toFixed(1)}<span className="text-base font-normal text-slate-500"> / 100</span></p>
            <ul className="mt-2 grid grid-cols-2 gap-x-3 text-xs text-slate-600">
              {POSTURE_AREAS.map((a) => <li key={a}>{AREA_LABELS[a]}: {posture.scores[a] === null ? "n/a" : posture.scores[a]!.toFixed(0)}</li>)}
            </ul>
            <p className="mt-2 text-sm text-slate-700">{posture.failingTests} failing test{posture.failingTests === 1 ? "" : "s"}, {posture.overdueReviews} overdue review{posture.overdueReviews === 1 ? "" : "s"}.</p>
            <Link href="/posture" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Open the posture dashboard</Link>
          </Card>
        )}
        <Card title="Your account">
          <p className="text-sm">
            Multi-factor authentication: {o.mfaEnabled ? <Badge tone="green">on</Badge> : <Badge tone="amber">off</Badge>}
          </p>
          {!o.mfaEnabled && (
            <Link href="/account" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Set up an authenticator app</Link>
          )}
        </Card>
        {o.audit && (
          <Card title="Audit trail">
            <p className="text-sm text-slate-700">{o.audit.events.toLocaleString("en")} events recorded; {o.audit.checkpoints} signed checkpoints.</p>
            <Link href="/audit" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Open the audit log</Link>
          </Card>
        )}
        {o.users && (
          <Card title="People">
            <p className="text-sm text-slate-700">{o.users.active} active users, {o.users.withoutMfa} without MFA.</p>
            <Link href="/admin" className="mt-2 inline-block text-sm font-semibold text-indigo-600 hover:underline">Manage users</Link>
          </Card>
        )}
      </div>
      <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Areas</h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {AREAS.filter((a) => roleHas(actor.role, a.permission)).map((a) => (
          <Link key={a.href} href={a.href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-indigo-300">
            <h3 className="font-semibold">{a.title}</h3>
            <p className="mt-1 text-sm text-slate-600">{a.text}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
