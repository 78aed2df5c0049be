import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import type { auditLogStatus } from "@/lib/server/audit/status";

type Status = Awaited<ReturnType<typeof auditLogStatus>>;

/** The log's own state: newest signed head, sealed and unsealed counts, the key. */
export function LogStatus({ s }: { s: Status }) {
  return (
    <section aria-label="Signed tree head" className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
      <div>
        <h2 className="text-xs font-semibold uppercase text-slate-500">Newest signed tree head</h2>
        {s.head ? (
          <p className="mt-1" data-testid="latest-head">
            #{s.head.headIndex} <Badge tone={s.head.kind === "shutdown" ? "gray" : "green"}>{s.head.kind}</Badge>
            <br />tree size {s.head.treeSize.toLocaleString("en")}, <DateTime value={new Date(s.head.timestamp)} />
            <br /><span className="font-mono text-xs text-slate-600" title={s.head.rootHash}>root {s.head.rootHash.slice(0, 16)}…</span>
          </p>
        ) : (
          <p className="mt-1 text-slate-600">None yet: the sealer signs the first within seconds of the first event.</p>
        )}
      </div>
      <div>
        <h2 className="text-xs font-semibold uppercase text-slate-500">Events</h2>
        <p className="mt-1" data-testid="sealed-counts">
          {s.sealed.toLocaleString("en")} sealed, {s.unsealed.toLocaleString("en")} waiting for the sealer
          {s.oldestUnsealedAt && <><br /><span className="text-xs text-slate-600">oldest waiting since <DateTime value={new Date(s.oldestUnsealedAt)} /></span></>}
        </p>
      </div>
      <div>
        <h2 className="text-xs font-semibold uppercase text-slate-500">Signing key</h2>
        <p className="mt-1">
          Ed25519, key id <span className="font-mono text-xs">{s.keyId}</span>.{" "}
          <a className="text-indigo-700 underline" href="/api/v1/audit/public-key">Public key</a>
        </p>
        {s.keyBesideDatabase && (
          <p role="note" className="mt-2 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900">
            Demo set-up: the private key is in the data folder, beside the database, so whoever can read one can read the other. In production, set AUDIT_SIGNING_KEY from a secret store on another host, and export the heads off-site regularly (npm run admin -- audit:export-heads).
          </p>
        )}
      </div>
    </section>
  );
}
