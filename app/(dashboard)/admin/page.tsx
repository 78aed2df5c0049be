import type { Metadata } from "next";
import { alertThresholds } from "@/lib/server/alerts/evaluate";
import { AlertSettingsForm } from "./alert-settings";
import { PageHeader, Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { can } from "@/lib/server/authz";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listApiKeys } from "@/lib/server/api-keys/manage-api-keys";
import { getSetting } from "@/lib/server/settings/settings";
import { listUsers } from "@/lib/server/users/list-users";
import { auditLogStatus } from "@/lib/server/audit/status";
import { emailEnabled } from "@/lib/server/notifications/mailer";
import { outboxCounts } from "@/lib/server/notifications/outbox";
import { Forbidden } from "../_components/forbidden";
import { CreateUserForm, UserCommands } from "./user-forms";
import { ApiKeyRevoke, CreateApiKeyForm, MfaSettingForm } from "./key-forms";
import { OrganisationProfileForm } from "./organisation-form";
import { readOrganisationProfile } from "@/lib/server/organisation/profile";
import { ScimSection } from "./scim-section";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const { actor, denied } = await pageActor("user:read");
  if (denied) return <Forbidden what="user administration" />;
  const manage = can(actor, "user:manage");
  const [users, keys, mfaRequired, audit, profile, thresholds, outbox] = await Promise.all([listUsers(actor), listApiKeys(actor), getSetting("security.mfaRequired"), can(actor, "audit:read") ? auditLogStatus(actor) : null, readOrganisationProfile(), alertThresholds(), outboxCounts(actor)]);
  const manageSettings = can(actor, "settings:manage");
  const email = emailEnabled();
  return (
    <>
      <PageHeader title="Admin" description="People, roles, API keys and security settings. Every change here is in the audit log." />
      <div className="space-y-6">
        <Card title="Users" description={`${users.length} accounts`}>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr><th className="py-2 pr-4">Name</th><th className="pr-4">Email</th><th className="pr-4">Role</th><th className="pr-4">Status</th><th className="pr-4">MFA</th>{manage && <th>Actions</th>}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {users.map((u) => (
                  <tr key={u.id} data-testid={`user-row-${u.email}`}>
                    <td className="py-2 pr-4 font-medium">{u.name}</td>
                    <td className="pr-4">{u.email}</td>
                    <td className="pr-4">{ROLE_LABELS[u.role]}</td>
                    <td className="pr-4">{u.disabled ? <Badge tone="red">disabled</Badge> : u.lockedUntil ? <Badge tone="amber">locked</Badge> : <Badge tone="green">active</Badge>}</td>
                    <td className="pr-4">{u.mfaEnabled ? <Badge tone="green">on</Badge> : <Badge>off</Badge>}</td>
                    {manage && <td className="py-2"><UserCommands user={u} self={u.id === actor.userId} /></td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        {manage && (
          <Card title="Add a user" description="Creates the account with a password you choose; the person should change it and set up MFA at first sign-in.">
            <CreateUserForm />
          </Card>
        )}
        {manageSettings && (
          <Card title="Organisation profile" description="The facts the breach rules read: time zone, main establishment (GDPR lead authority), sector regimes, and the DPO contact used in the GDPR Art. 33 draft. Saving recomputes the obligations of every open incident.">
            <OrganisationProfileForm profile={profile} />
          </Card>
        )}
        <Card title="API keys" description="For machine clients of /api/v1. A key bound to a user can do no more than that user's role.">
          {keys.length === 0 ? (
            <p className="text-sm text-slate-600">No API keys yet. Create one below for each website, app or AI system that calls the API, with only the scopes it needs.</p>
          ) : (
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr><th className="py-2 pr-4">Name</th><th className="pr-4">Key</th><th className="pr-4">Scopes</th><th className="pr-4">Acts as</th><th className="pr-4">Last used</th><th /></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((k) => (
                  <tr key={k.id}>
                    <td className="py-2 pr-4 font-medium">{k.name}</td>
                    <td className="pr-4 font-mono text-xs">{k.prefix}…</td>
                    <td className="pr-4 text-xs">{k.scopes.join(", ")}</td>
                    <td className="pr-4 text-xs">{k.userEmail ?? "—"}</td>
                    <td className="pr-4 text-xs"><DateTime value={k.lastUsedAt} fallback="never" /></td>
                    <td>{k.revokedAt ? <Badge tone="red">revoked</Badge> : can(actor, "apikey:manage") ? <ApiKeyRevoke keyId={k.id} /> : <Badge tone="green">active</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {can(actor, "apikey:manage") && <div className="mt-6 border-t border-slate-100 pt-4"><CreateApiKeyForm /></div>}
        </Card>
        <ScimSection actor={actor} />
        <Card title="Security" description="Multi-factor authentication policy.">
          {can(actor, "settings:manage") ? (
            <MfaSettingForm mfaRequired={mfaRequired} />
          ) : (
            <p className="text-sm">MFA required for admins and compliance officers: <strong>{mfaRequired ? "yes" : "no"}</strong></p>
          )}
        </Card>
        <Card title="Alert thresholds" description="The anomaly rules run every minute over the audit log; alerts appear on the Alerts page.">
          <AlertSettingsForm thresholds={thresholds} editable={can(actor, "settings:manage")} />
        </Card>
        <Card title="Email" description="Reminders, digests, escalations, alerts and password reset links, sent through the outbox by the background job." actions={email ? <Badge tone="green">Email on</Badge> : <Badge tone="amber">Email is off</Badge>}>
          {email ? (
            <p className="text-sm" data-testid="outbox-counts">Outbox: {outbox.pending ?? 0} waiting, {outbox.sent ?? 0} sent, {outbox.dead ?? 0} given up after repeated failures (see the server log).</p>
          ) : (
            <p role="status" data-testid="email-off" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <strong>Email is off:</strong> <code>SMTP_URL</code> is not set, so no email is written or sent, and passwords cannot be reset by email. Set <code>SMTP_URL</code> (smtp:// or smtps://, with the login in the URL), <code>MAIL_FROM</code> and <code>APP_URL</code> and restart.
            </p>
          )}
        </Card>
        {audit && (
          <Card title="Audit log signing key" description="Ed25519; it signs the audit log's tree heads. Whoever holds it could sign a rewritten log, so it must not live where the database lives.">
            <p className="text-sm">Key id <span className="font-mono text-xs">{audit.keyId}</span> · <a className="text-indigo-600 hover:underline" href="/api/v1/audit/public-key">public key</a> (give it to your auditors once; they verify with it alone)</p>
            {audit.keyBesideDatabase ? (
              <p role="alert" data-testid="signing-key-warning" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <strong>Demo set-up:</strong> the private key is in a file in the data folder, next to the database. Anyone who can read the database files can read the key and sign a forged log. In production, set <code>AUDIT_SIGNING_KEY</code> (or <code>AUDIT_SIGNING_KEY_FILE</code>) from a secret store on another host, and export the signed heads off-site regularly with <code>npm run admin -- audit:export-heads</code>.
              </p>
            ) : (
              <p className="mt-2 text-sm text-slate-600">The key comes from the environment, not the database. Rotate it with a new key in <code>AUDIT_SIGNING_KEY</code> and the old public key in <code>AUDIT_RETIRED_PUBLIC_KEYS</code>; old heads stay verifiable.</p>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
