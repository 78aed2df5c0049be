// PATCH {} (or a patch of the values a record already has) used to write a new version and
// an audit event. Now it writes nothing and answers 200 with the record unchanged.
import { describe, expect, it } from "vitest";
import { PATCH as patchAsset } from "@/app/api/v1/assets/[id]/route";
import { PATCH as patchSystem } from "@/app/api/v1/ai-systems/[id]/route";
import { PATCH as patchIncident } from "@/app/api/v1/incidents/[id]/route";
import { PATCH as patchActivity } from "@/app/api/v1/processing-activities/[id]/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey, createOwnApiKey } from "@/lib/server/api-keys/create-api-key";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { db } from "@/lib/server/db";
import { createActivity } from "@/lib/server/inventory/activities";
import { createAsset } from "@/lib/server/inventory/assets";
import { actorFor, actorOf, makeUser } from "@/lib/server/testing/factories";
import { activityInput, assetInput } from "../inventory/fixtures";
import { makeSystem, uid } from "../oversight/helpers";

const patch = (path: string, key: string, body: unknown) =>
  new Request(`http://localhost/api/v1${path}`, { method: "PATCH", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const audits = (entityId: string) => db().auditEvent.count({ where: { entityId } });

describe("no-op patches", () => {
  it.each([
    ["an asset", "assets"],
    ["a processing activity", "processing-activities"],
    ["an incident", "incidents"],
    ["an AI system", "ai-systems"],
  ])("PATCH {} on %s answers 200 with the record and writes no audit event", async (_what, kind) => {
    const officer = await actorFor("compliance_officer");
    const keyOwner = await makeUser({ role: "compliance_officer", mfaEnrolled: true });
    let id: string;
    let key: string;
    let handler: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
    let same: Record<string, unknown>;
    if (kind === "assets") {
      id = (await createAsset(officer, assetInput({ name: uid("Store") }))).id;
      key = (await createApiKey(SYSTEM_CLI, { name: uid("k"), scopes: ["inventory:write"] })).key;
      handler = patchAsset;
      same = { name: (await db().dataAsset.findUniqueOrThrow({ where: { id } })).name };
    } else if (kind === "processing-activities") {
      id = (await createActivity(officer, activityInput({ name: uid("Payroll") }))).id;
      key = (await createApiKey(SYSTEM_CLI, { name: uid("k"), scopes: ["inventory:write"] })).key;
      handler = patchActivity;
      same = { name: (await db().processingActivity.findUniqueOrThrow({ where: { id } })).name };
    } else if (kind === "incidents") {
      id = (await createIncident(officer, { title: uid("Lost laptop"), discoveredAt: "2026-03-02T10:00:00Z", affected: [{ jurisdiction: "US-CA", count: 3 }] })).id;
      key = (await createApiKey(SYSTEM_CLI, { name: uid("k"), scopes: ["incidents:write"] })).key;
      handler = patchIncident;
      same = { title: (await db().incident.findUniqueOrThrow({ where: { id } })).title };
    } else {
      id = (await makeSystem()).system.id;
      key = (await createOwnApiKey(await actorOf(keyOwner.email), { name: uid("k"), scopes: ["oversight:admin"] })).key;
      handler = patchSystem;
      same = { owner: (await db().aiSystem.findUniqueOrThrow({ where: { id } })).owner ?? "Risk team" };
    }
    const events = await audits(id);
    const first = await handler(patch(`/${kind}/${id}`, key, {}), withId(id));
    expect(first.status).toBe(200);
    const before = await first.json();
    expect(before.id).toBe(id);
    const again = await handler(patch(`/${kind}/${id}`, key, same), withId(id));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(before);
    expect(await audits(id)).toBe(events);
  });
});
