import { InlineConfirmation } from "@/components/ui/form-message";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { pageActor } from "@/lib/server/auth/page-guard";
import { listWebhookDeliveries, listWebhooks } from "@/lib/server/webhooks/endpoints";
import { Forbidden } from "../../_components/forbidden";
import { CreateWebhookForm, WebhookCommands } from "./webhook-forms";
import { DateTime } from "@/components/ui/date-time";
import { deliveryResponseInWords } from "@/lib/webhooks/delivery-words";

export const metadata: Metadata = { title: "Webhooks" };

const TONE = { delivered: "green", pending: "amber", failed: "red", cancelled: undefined } as const;

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, denied } = await pageActor("webhooks:manage");
  if (denied) return <Forbidden what="webhooks" />;
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const { items } = await listWebhooks(actor);
  const selected = items.find((i) => i.id === one(sp.endpoint)) ?? items[0];
  const page = Math.max(1, Number.parseInt(one(sp.page) ?? "1", 10) || 1);
  const log = selected ? await listWebhookDeliveries(actor, selected.id, page) : null;
  const pages = log ? Math.max(1, Math.ceil(log.total / log.pageSize)) : 1;
  return (
    <>
      <PageHeader title="Webhooks" description="Signed HTTP POSTs to your systems when incidents, deadlines, decisions, controls or alerts need attention. Verify them as docs/decisions/610 describes." />
      <div className="space-y-6">
        {one(sp.removed) === "1" && (
          <InlineConfirmation>Endpoint removed; its pending deliveries are cancelled.</InlineConfirmation>
        )}
        <Card title="Endpoints" description={`${items.length} registered`}>
          {items.length === 0 ? (
            <p className="text-sm text-slate-600">No endpoints yet. Add the URL of a system that should hear about deadlines, incidents and decisions (a ticketing or chat integration); each delivery is signed.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="text-left text-xs uppercase text-slate-500">
                  <tr><th className="py-2 pr-4">URL</th><th className="pr-4">Events</th><th className="pr-4">Deliveries</th><th className="pr-4">Log</th><th>Actions</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {items.map((e) => (
                    <tr key={e.id} data-testid={`webhook-row-${e.id}`}>
                      <td className="py-2 pr-4 font-mono text-xs break-all">{e.url}</td>
                      <td className="pr-4 text-xs">{e.events.join(", ")}</td>
                      <td className="pr-4 text-xs">{e.deliveries.delivered} delivered · {e.deliveries.pending} pending · {e.deliveries.failed} failed</td>
                      <td className="pr-4 text-xs"><Link className="underline" href={`/admin/webhooks?endpoint=${e.id}`} aria-current={selected?.id === e.id ? "true" : undefined}>View log</Link></td>
                      <td className="py-2"><WebhookCommands id={e.id} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        {selected && log && (
          <Card title="Delivery log" description={`${selected.url} · ${log.total} deliveries`}>
            {log.items.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing sent yet. Use “Send test event” to try the endpoint.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead className="text-left text-xs uppercase text-slate-500">
                    <tr><th className="py-2 pr-4">Event</th><th className="pr-4">Status</th><th className="pr-4">Attempts</th><th className="pr-4">Response</th><th className="pr-4">Next retry</th><th className="pr-4">Created</th></tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {log.items.map((d) => (
                      <tr key={d.id}>
                        <td className="py-2 pr-4 text-xs">{d.eventType}<div className="font-mono text-[10px] text-slate-500">{d.id}</div></td>
                        <td className="pr-4"><Badge tone={TONE[d.status as keyof typeof TONE]}>{d.status}</Badge></td>
                        <td className="pr-4 text-xs">{d.attempts}</td>
                        <td className="max-w-md pr-4 text-xs" data-testid="delivery-response">{deliveryResponseInWords(d)}</td>
                        <td className="pr-4 text-xs"><DateTime value={d.nextAttemptAt} /></td>
                        <td className="pr-4 text-xs"><DateTime value={d.createdAt} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {pages > 1 && (
              <nav aria-label="Delivery log pages" className="mt-3 flex gap-3 text-sm">
                {page > 1 && <Link className="underline" href={`/admin/webhooks?endpoint=${selected.id}&page=${page - 1}`}>Previous</Link>}
                <span>Page {page} of {pages}</span>
                {page < pages && <Link className="underline" href={`/admin/webhooks?endpoint=${selected.id}&page=${page + 1}`}>Next</Link>}
              </nav>
            )}
          </Card>
        )}
        <Card title="Add an endpoint" description="The signing secret is shown once, right after adding.">
          <CreateWebhookForm />
        </Card>
      </div>
    </>
  );
}
