import "server-only";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { fromFindings, type ControlTestProvider } from "./types";

/**
 * Manually reviewed controls are reviewed within their frequency (GDPR Art. 32(1)(d)).
 * Controls with an automated test are tested continuously instead, so only the others
 * can be overdue.
 */
export const reviewsCurrentTest: ControlTestProvider = {
  controlId: "SEC-REVIEWS-CURRENT",
  area: "security",
  checks: "No manually reviewed control is past its next review date.",
  async run(actor) {
    await requirePermission(actor, "posture:read");
    const now = new Date();
    // Imported when run (not at load): the registry imports this file.
    const { PROVIDERS } = await import("./registry");
    const overdue = await db().control.findMany({
      where: { nextReviewAt: { lt: now }, id: { notIn: PROVIDERS.map((p) => p.controlId) }, archivedAt: null },
      select: { id: true, title: true, nextReviewAt: true },
      orderBy: { nextReviewAt: "asc" },
    });
    const failing = overdue.map((c) => ({
      entityType: "Control",
      entityId: c.id,
      label: `${c.id} ${c.title}: review was due ${c.nextReviewAt!.toISOString().slice(0, 10)}`,
      href: `/posture/controls/${encodeURIComponent(c.id)}`,
    }));
    return fromFindings(failing, "Every manual review is within its frequency.", (n) => `${n} control review${n === 1 ? " is" : "s are"} overdue.`);
  },
};
