import { describe, expect, it } from "vitest";
import { oversightMetrics, percentile } from "@/lib/oversight/metrics";

const now = new Date("2026-11-27T12:00:00Z");
const at = (h: number) => new Date(now.getTime() - h * 3_600_000);
const row = (o: Partial<Parameters<typeof oversightMetrics>[0][number]>) => ({ createdAt: at(10), decidedAt: null, status: "pending_review", requiredApprovals: 1, slaBreachedAt: null, modelVersionLabel: "v1", aiSystemName: "Loans", ...o });

describe("oversight metrics (EU AI Act Art. 26(5) monitoring)", () => {
  it.each([
    [[], 50, null],
    [[5], 50, 5],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
  ])("percentile(%j, %d) = %s (nearest rank)", (xs, p, expected) => {
    expect(percentile(xs, p)).toBe(expected);
  });

  it("counts escalations, breaches, durations and override rate per model", () => {
    const m = oversightMetrics(
      [
        row({ requiredApprovals: 0, status: "auto_accepted", decidedAt: at(10) }),
        row({ status: "approved", decidedAt: at(9) }), // 60 minutes
        row({ status: "overridden", decidedAt: at(8) }), // 120 minutes
        row({ status: "expired", decidedAt: at(1), slaBreachedAt: at(1) }),
        row({ status: "overridden", decidedAt: at(9.5), modelVersionLabel: "v2" }), // 30 minutes
      ],
      7,
      now,
    );
    expect(m.total).toBe(5);
    expect(m.shareEscalated).toBeCloseTo(4 / 5);
    expect(m.slaBreaches).toBe(1);
    expect(m.medianMinutes).toBe(60);
    expect(m.p90Minutes).toBe(120);
    expect(m.perDay).toHaveLength(7);
    expect(m.perDay.at(-1)).toEqual({ day: "2026-11-27", autoAccepted: 1, reviewed: 4 });
    expect(m.overrideRate[0]).toEqual({ model: "Loans v2", decided: 1, overridden: 1, rate: 1 });
    expect(m.overrideRate[1]).toEqual({ model: "Loans v1", decided: 2, overridden: 1, rate: 0.5 });
  });
});
