import "server-only";
// Automated control tests for the posture area: consent controls that must hold.
//  - every sale/sharing purpose has a published notice (CCPA 1798.135: notice of the
//    right to opt out);
//  - every subject who sent a Global Privacy Control signal is opted out of every
//    sale/sharing purpose that existed at the time (CCPA 1798.120, regs 7025), unless
//    they opted back in later. Should be none.
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { yieldToEventLoop } from "@/lib/server/yield";

export type ConsentControlFinding =
  | { control: "consent.sale_purpose_without_notice"; purpose: string; title: string }
  | { control: "consent.gpc_not_honoured"; subjectRef: string; purpose: string; gpcAt: string; status: string };

const CHUNK = 500;

export async function consentControlFindings(actor: Actor): Promise<{ findings: ConsentControlFinding[]; checkedAt: string }> {
  await requirePermission(actor, "consent:read", { type: "ConsentPurpose" });
  const findings: ConsentControlFinding[] = [];
  const sale = await db().consentPurpose.findMany({ where: { saleOrShare: true, archivedAt: null }, select: { id: true, key: true, title: true, createdAt: true } });
  const withNotice = new Set(
    (await db().consentNoticeVersion.findMany({ where: { purposeId: { in: sale.map((p) => p.id) } }, select: { purposeId: true }, distinct: ["purposeId"] })).map((n) => n.purposeId),
  );
  for (const p of sale) if (!withNotice.has(p.id)) findings.push({ control: "consent.sale_purpose_without_notice", purpose: p.key, title: p.title });

  if (sale.length) {
    let cursor: string | undefined;
    for (;;) {
      const subjects = await db().consentSubject.findMany({
        where: { lastGpcAt: { not: null } },
        select: { id: true, lastGpcAt: true },
        orderBy: { id: "asc" },
        take: CHUNK,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      });
      if (!subjects.length) break;
      cursor = subjects.at(-1)!.id;
      const states = await db().consentState.findMany({ where: { subjectId: { in: subjects.map((s) => s.id) }, purposeId: { in: sale.map((p) => p.id) } }, select: { subjectId: true, purposeId: true, status: true, updatedAt: true } });
      const stateOf = new Map(states.map((s) => [`${s.subjectId}:${s.purposeId}`, s]));
      for (const s of subjects) {
        for (const p of sale) {
          if (p.createdAt > s.lastGpcAt!) continue;
          const st = stateOf.get(`${s.id}:${p.id}`);
          // Honoured: opted out, or a later decision (an opt-in after the signal) replaced it.
          if (st && (st.status === "opted_out" || st.updatedAt > s.lastGpcAt!)) continue;
          findings.push({ control: "consent.gpc_not_honoured", subjectRef: s.id, purpose: p.key, gpcAt: s.lastGpcAt!.toISOString(), status: st?.status ?? "none" });
        }
      }
      if (subjects.length < CHUNK) break;
      // Up to 200k GPC subjects at scale: let requests run between chunks (lib/server/yield.ts).
      await yieldToEventLoop();
    }
  }
  return { findings, checkedAt: new Date().toISOString() };
}
