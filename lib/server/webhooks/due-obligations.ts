import "server-only";
// obligation.due_soon and obligation.overdue: the due scanner for webhooks. Each breach
// notice still to send is announced once when it enters the last 24 hours and once when it
// passes its deadline (per due instant: a recomputed deadline is a new event). "Once" is
// an idempotency claim written in the same transaction as the deliveries, so a rerun, a
// second scanner on another instance or a crash half-way sends nothing twice.
import { db } from "@/lib/server/db";
import { runExclusive } from "@/lib/server/jobs/lease";
import { enqueueDueObligations } from "@/lib/server/webhooks/outbox";
import { OBLIGATION_TO_SEND } from "@/lib/server/breaches/to-send";

export const DUE_SOON_WINDOW_MS = 24 * 3_600_000;
const CLAIM_SCOPE = "webhooks:obligation-due";

const isUnique = (e: unknown) => (e as { code?: unknown } | null)?.code === "P2002";

type DueRow = { id: string; incidentId: string; regime: string; recipient: string; dueAt: Date | null; incident: { reference: string } };

const claimKey = (o: DueRow, now: Date) => `${o.dueAt! <= now ? "overdue" : "due_soon"}:${o.id}:${o.dueAt!.toISOString()}`;

/** One notice's event, claimed once per kind and deadline; 0 when it was announced already. */
async function announce(o: DueRow, now: Date): Promise<number> {
  const overdue = o.dueAt! <= now;
  const key = claimKey(o, now);
  try {
    return await db().$transaction(async (tx) => {
      await tx.idempotencyRecord.create({ data: { scope: CLAIM_SCOPE, key, requestHash: "", status: 200, responseBody: "{}" } });
      return enqueueDueObligations(tx, [{ overdue, incidentId: o.incidentId, incidentReference: o.incident.reference, obligationId: o.id, regulation: o.regime, title: `${o.incident.reference}: ${o.regime} notification to ${o.recipient}`, dueAt: o.dueAt!.toISOString() }], now);
    });
  } catch (e) {
    if (isUnique(e)) return 0; // announced already (by this scanner earlier or another one)
    throw e;
  }
}

export async function runObligationWebhooks({ now = new Date(), windowMs = DUE_SOON_WINDOW_MS } = {}) {
  // Nobody listening: nothing to claim (a later endpoint hears of later deadlines).
  const endpoints = await db().webhookEndpoint.findMany({ where: { deletedAt: null }, select: { events: true } });
  if (!endpoints.some((e) => /"obligation\.(due_soon|overdue)"/.test(e.events))) return { events: 0 };
  let events = 0;
  // Every notice still to send, in pages: the ones announced earlier stay in the result
  // (they are still open), so a capped single read would starve the newest deadlines.
  for (let cursor: string | undefined; ; ) {
    const page = await db().breachObligation.findMany({
      where: { ...OBLIGATION_TO_SEND, dueAt: { not: null, lte: new Date(now.getTime() + windowMs) } },
      select: { id: true, incidentId: true, regime: true, recipient: true, dueAt: true, incident: { select: { reference: true } } },
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    // Skip what is announced already without a transaction each; the claim still decides races.
    const done = new Set((await db().idempotencyRecord.findMany({ where: { scope: CLAIM_SCOPE, key: { in: page.map((o) => claimKey(o, now)) } }, select: { key: true } })).map((r) => r.key));
    for (const o of page) if (!done.has(claimKey(o, now))) events += await announce(o, now);
    if (page.length < 500) break;
    cursor = page[page.length - 1]!.id;
  }
  return { events };
}

export function runObligationWebhookJob() {
  return runExclusive("webhooks.obligations", 300_000, () => runObligationWebhooks());
}
