import { describe, expect, it } from "vitest";
import { verifySealed } from "../../support/audit";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { oversightControlFindings } from "@/lib/server/oversight/control-findings";
import { listAiSystems } from "@/lib/server/oversight/registry";
import { seedOversightDemo } from "@/lib/server/oversight/seed-demo";
import { actorFor } from "@/lib/server/testing/factories";

describe("oversight demo seed", () => {
  it("makes believable data through the area's own functions, audited, with an intact chain", async () => {
    const officer = await actorFor("compliance_officer");
    await actorFor("reviewer");
    await seedOversightDemo(SYSTEM_CLI);
    const names = (await listAiSystems(officer)).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Consumer credit scoring", "Radiology triage", "CV screening (pilot)"]));
    const statuses = (await db().oversightDecision.findMany({ select: { status: true } })).map((d) => d.status);
    expect(statuses).toEqual(expect.arrayContaining(["auto_accepted", "pending_review", "approved", "overridden"]));
    const pilot = (await listAiSystems(officer)).find((s) => s.name === "CV screening (pilot)")!;
    expect((await oversightControlFindings(officer)).findings.filter((f) => f.entityId === pilot.id)).toHaveLength(2);
    expect(await verifySealed()).toMatchObject({ ok: true });
  });
});
