// A review, its evidence and the control's new status commit together with the audit
// event: when the audit append fails, nothing of the review is left behind.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/audit/append", async (orig) => {
  const real = await orig<typeof import("@/lib/server/audit/append")>();
  return {
    ...real,
    appendAudit: async (tx: Parameters<typeof real.appendAudit>[0], actor: Parameters<typeof real.appendAudit>[1], input: Parameters<typeof real.appendAudit>[2]) => {
      if (input.action === "posture.control.review" || input.action === "posture.snapshot") throw new Error("audit store unavailable");
      return real.appendAudit(tx, actor, input);
    },
  };
});

import { SYSTEM_CLI } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { reviewControl } from "@/lib/server/posture/review-control";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { takeSnapshot } from "@/lib/server/posture/snapshots";

beforeAll(async () => {
  await seedControlCatalogue(SYSTEM_CLI);
});

describe("atomicity", () => {
  it("a review whose audit event fails writes no review, no evidence and no status", async () => {
    const before = await db().control.findUnique({ where: { id: "GDPR-35" } });
    const counts = [await db().controlReview.count(), await db().controlEvidence.count()];
    await expect(
      reviewControl(SYSTEM_CLI, { controlId: "GDPR-35", status: "satisfied", links: ["https://example.org/dpia"] }, [{ name: "dpia.txt", type: "text/plain", bytes: new TextEncoder().encode("DPIA") }]),
    ).rejects.toThrow("audit store unavailable");
    expect([await db().controlReview.count(), await db().controlEvidence.count()]).toEqual(counts);
    expect(await db().control.findUnique({ where: { id: "GDPR-35" } })).toEqual(before);
  });
  it("a snapshot whose audit event fails leaves no snapshot row", async () => {
    const n = await db().postureSnapshot.count();
    await expect(takeSnapshot(SYSTEM_CLI)).rejects.toThrow("audit store unavailable");
    expect(await db().postureSnapshot.count()).toBe(n);
  });
});
