// The registry page's list: pages of systems by name, a name search that ignores case on both
// dialects, and each page's versions and links read for its own systems only.
import { describe, expect, it } from "vitest";
import { createAiSystem, createModelVersion, pageAiSystems } from "@/lib/server/oversight/registry";
import { actorFor } from "@/lib/server/testing/factories";
import { uid } from "./helpers";

describe("AI system registry pages", () => {
  it("pages the systems whose name matches, in name order, with their own versions", async () => {
    const o = await actorFor("compliance_officer");
    const stem = uid("PagedScorer");
    const made = [];
    for (const n of ["c", "a", "b", "e", "d"]) made.push(await createAiSystem(o, { name: `${stem} ${n}`, purpose: "Scoring", riskTier: "high", owner: "Risk" }));
    await createModelVersion(o, made[1]!.id, { version: "v7", artifactSha256: "a".repeat(64) });

    const first = await pageAiSystems(o, { q: stem.toLowerCase(), page: 1, pageSize: 2 });
    expect(first.total, "the search ignores case").toBe(5);
    expect(first.items.map((s) => s.name)).toEqual([`${stem} a`, `${stem} b`]);
    expect(first.items[0]!.versions.map((v) => v.version)).toEqual(["v7"]);
    expect(first.items[1]!.versions).toEqual([]);
    const last = await pageAiSystems(o, { q: stem, page: 3, pageSize: 2 });
    expect(last.items.map((s) => s.name)).toEqual([`${stem} e`]);
    expect((await pageAiSystems(o, { q: `${stem} zz`, page: 1, pageSize: 2 })).total).toBe(0);
  });
});
