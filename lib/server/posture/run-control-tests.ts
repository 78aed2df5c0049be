import "server-only";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/outbox";
import { PROVIDERS } from "./control-tests/registry";
import type { ControlTestResult } from "./control-tests/types";

/** The identity the providers run as: the system checking itself (docs/decisions/501). */
export const CONTROL_TEST_ACTOR: Actor = { kind: "system", label: "posture.control-tests" };
const MAX_FAILING_STORED = 200;

/**
 * Runs every automated control test and stores each result on its control (one
 * transaction, one audit event naming what changed). A provider that throws is recorded
 * as a failure of the test, with its message, so a broken check never reads as a pass.
 */
export async function runControlTests(actor: Actor) {
  await requirePermission(actor, "posture:write");
  const results: { controlId: string; result: ControlTestResult }[] = [];
  for (const p of PROVIDERS) {
    let result: ControlTestResult;
    try {
      result = await p.run(CONTROL_TEST_ACTOR);
    } catch (e) {
      result = { status: "fail", failing: [], detail: `The automated test could not run: ${e instanceof Error ? e.message.slice(0, 200) : "unknown error"}` };
    }
    results.push({ controlId: p.controlId, result });
  }
  const testedAt = new Date();
  return db().$transaction(async (tx) => {
    const changed: Record<string, { from: string | null; to: string }> = {};
    for (const { controlId, result } of results) {
      const before = await tx.control.findUnique({ where: { id: controlId }, select: { testStatus: true } });
      if (!before) continue; // provider for a control not in the catalogue (not seeded yet)
      if (before.testStatus !== result.status) changed[controlId] = { from: before.testStatus, to: result.status };
      // On the change to failing only: a test that keeps failing on every run is one event.
      if (result.status === "fail" && before.testStatus !== "fail") {
        await enqueueWebhookEvent(tx, "control.failed", { controlId, detail: result.detail.slice(0, 500), failingRecords: result.failing.length, testedAt: testedAt.toISOString() });
      }
      await tx.control.update({
        where: { id: controlId },
        data: { testStatus: result.status, testDetail: result.detail, testFailing: JSON.stringify(result.failing.slice(0, MAX_FAILING_STORED)), testedAt },
      });
    }
    // A control whose provider was removed goes back to its manual review.
    await tx.control.updateMany({
      where: { testStatus: { not: null }, id: { notIn: PROVIDERS.map((p) => p.controlId) } },
      data: { testStatus: null, testDetail: null, testFailing: null, testedAt: null },
    });
    await appendAudit(tx, actor, { action: "posture.tests.run", entityType: "Control", diff: { tests: results.length, failing: results.filter((r) => r.result.status === "fail").map((r) => r.controlId), changed } });
    return results.map((r) => ({ controlId: r.controlId, status: r.result.status, failing: r.result.failing.length }));
  });
}
