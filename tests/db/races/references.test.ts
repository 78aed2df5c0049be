// Incident references come from a counter per year (lib/server/references.ts). A year without a
// counter row (data from before the counter, or restored around it) starts above the highest
// reference in use, compared as numbers, so INC-2035-9999 is followed by INC-2035-10000.
import { describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { db } from "@/lib/server/db";
import { highestNumber } from "@/lib/server/references";
import { burst, N, outcome, tally } from "./helpers";

const report = (title: string) => ({ title, discoveredAt: "2035-02-03T10:00:00Z", affected: [{ jurisdiction: "DE", count: 3 }] });

describe("incident references", () => {
  it("start above existing references when a year has no counter, then count on under concurrency", async () => {
    const first = await createIncident(SYSTEM_CLI, report("first of 2035"));
    expect(first.reference).toBe("INC-2035-0001");
    // As if this reference had been given out before the counter existed.
    await db().incident.update({ where: { id: first.id }, data: { reference: "INC-2035-9999" } });
    await db().referenceCounter.delete({ where: { kind_year: { kind: "incident", year: 2035 } } });
    expect((await createIncident(SYSTEM_CLI, report("after the gap"))).reference).toBe("INC-2035-10000");
    const results = await burst((i) => outcome(createIncident(SYSTEM_CLI, report(`burst ${i}`))));
    expect(tally(results)).toBe(`201 x${N}`);
    const refs = (await db().incident.findMany({ where: { reference: { startsWith: "INC-2035-" } }, select: { reference: true } })).map((r) => r.reference);
    expect(refs.sort()).toEqual(["INC-2035-10000", ...Array.from({ length: N }, (_, i) => `INC-2035-${10001 + i}`), "INC-2035-9999"].sort());
  });

  it("highestNumber compares numerically and ignores other prefixes", () => {
    expect(highestNumber(["INC-2026-0009", "INC-2026-10000", "INC-2026-0999", "INC-2025-20000", "INC-2026-x"], "INC-2026-")).toBe(10000);
    expect(highestNumber([], "INC-2026-")).toBe(0);
  });
});
