// Issue 13: "create the row unless it exists" inside an update (the first escalation policy of
// a system, the links of a system) must not 500 when requests arrive together: they take turns.
import { describe, expect, it } from "vitest";
import { createAsset } from "@/lib/server/inventory/assets";
import { db } from "@/lib/server/db";
import { setAiSystemLinks } from "@/lib/server/oversight/links";
import { putEscalationPolicy } from "@/lib/server/oversight/policy";
import { createAiSystem } from "@/lib/server/oversight/registry";
import { officer, uid } from "../oversight/helpers";
import { assetInput } from "../inventory/fixtures";
import { burst, N, outcome, tally } from "./helpers";

describe("20 parallel updates that may create a row", () => {
  it("escalation policy PUTs: all succeed, one policy at revision 20", async () => {
    const o = await officer();
    const system = await createAiSystem(o, { name: uid("Policy race"), purpose: "Claims", riskTier: "high" });
    const results = await burst((i) => outcome(putEscalationPolicy(o, system.id, { rules: [], allowAdminReview: i % 2 === 0 })));
    expect(tally(results)).toBe(`201 x${N}`);
    const policy = await db().escalationPolicy.findUniqueOrThrow({ where: { aiSystemId: system.id } });
    expect(policy.revision).toBe(N);
  });

  it("AI system links set together: all succeed, one link row", async () => {
    const o = await officer();
    const system = await createAiSystem(o, { name: uid("Links race"), purpose: "Claims", riskTier: "high" });
    const asset = await createAsset(o, assetInput({ name: uid("linked") }));
    const results = await burst(() => outcome(setAiSystemLinks(o, system.id, { assetIds: [asset.id] })));
    expect(tally(results)).toBe(`201 x${N}`);
    expect(await db().aiSystemAsset.count({ where: { aiSystemId: system.id } })).toBe(1);
  });
});
