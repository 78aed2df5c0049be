// The Admin page's SCIM card: tokens for the provisioning client (the 50 newest).
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import type { Actor } from "@/lib/server/actor";
import { can } from "@/lib/server/authz";
import { listScimTokens } from "@/lib/server/scim/auth";
import { CreateScimTokenForm, ScimTokenRevoke } from "./scim-forms";
import { DateTime } from "@/components/ui/date-time";

export async function ScimSection({ actor }: { actor: Actor }) {
  if (!can(actor, "apikey:read")) return null;
  const tokens = await listScimTokens(actor);
  return (
    <Card title="SCIM provisioning" description="Bearer tokens for your identity provider's SCIM client at /scim/v2. Group membership maps to roles through OIDC_ROLE_MAP.">
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">No SCIM tokens yet.</p>
      ) : (
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">Name</th><th className="pr-4">Token</th><th className="pr-4">Last used</th><th /></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="py-2 pr-4 font-medium">{t.name}</td>
                <td className="pr-4 font-mono text-xs">{t.prefix}…</td>
                <td className="pr-4 text-xs"><DateTime value={t.lastUsedAt} fallback="never" /></td>
                <td>{t.revokedAt ? <Badge tone="red">revoked</Badge> : can(actor, "apikey:manage") ? <ScimTokenRevoke tokenId={t.id} /> : <Badge tone="green">active</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(actor, "apikey:manage") && <div className="mt-6 border-t border-slate-100 pt-4"><CreateScimTokenForm /></div>}
    </Card>
  );
}
