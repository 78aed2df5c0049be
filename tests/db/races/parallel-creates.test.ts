// Issue 13: creates released together must all succeed with distinct rows (and distinct
// human-readable numbers), and creates that collide on a unique name must answer 409, never
// 500. Runs on both dialects; PostgreSQL is where the races showed (READ COMMITTED, a pool).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createSystemRoute } from "@/app/api/v1/ai-systems/route";
import { POST as createVersionRoute } from "@/app/api/v1/ai-systems/[id]/model-versions/route";
import { POST as createAssetRoute } from "@/app/api/v1/assets/route";
import { POST as createPurposeRoute } from "@/app/api/v1/consent/purposes/route";
import { POST as submitDecisionRoute } from "@/app/api/v1/decisions/route";
import { POST as createIncidentRoute } from "@/app/api/v1/incidents/route";
import { POST as createActivityRoute } from "@/app/api/v1/processing-activities/route";
import { POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { publishNoticeVersion } from "@/lib/server/consent/purposes";
import { db } from "@/lib/server/db";
import { createChecklist } from "@/lib/server/posture/checklists";
import { createControl } from "@/lib/server/posture/controls";
import { makeUser } from "@/lib/server/testing/factories";
import { createUser } from "@/lib/server/users/create-user";
import { allowCallbackHosts, decisionBody, makeSystem, officer as makeOfficer } from "../oversight/helpers";
import { activityInput, assetInput } from "../inventory/fixtures";
import { burst, keyFor, N, outcome, post, tally, uid } from "./helpers";

let officerEmail = "";
beforeAll(async () => {
  officerEmail = (await makeUser({ role: "compliance_officer" })).email;
  // Keys bound to a person follow that person's MFA requirement (docs/decisions/007); the
  // setting may be on in this shared database, so the officer has enrolled.
  await db().user.update({ where: { email: officerEmail }, data: { mfaEnabledAt: new Date() } });
});

const ids = (answers: { body: unknown }[]) => answers.map((a) => (a.body as { id: string }).id);

describe("20 parallel creates with different bodies", () => {
  it("incidents: 20 x 201 with distinct INC-YYYY-NNNN references", async () => {
    const key = await keyFor(["incidents:write"]);
    const tag = uid("race");
    const answers = await burst((i) => post(createIncidentRoute, key, { title: `${tag} ${i}`, discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 10 + i }] }, {}));
    expect(tally(answers)).toBe(`201 x${N}`);
    const refs = answers.map((a) => (a.body as { reference: string }).reference);
    expect(new Set(refs).size).toBe(N);
    for (const r of refs) expect(r).toMatch(/^INC-2031-\d{4,}$/);
    expect(await db().incident.count({ where: { title: { startsWith: tag } } })).toBe(N);
  });

  it("assets and processing activities: 20 x 201 each, 20 rows each", async () => {
    const key = await keyFor(["inventory:read", "inventory:write"]);
    const tag = uid("race");
    const assets = await burst((i) => post(createAssetRoute, key, assetInput({ name: `${tag} asset ${i}` }), {}));
    expect(tally(assets)).toBe(`201 x${N}`);
    expect(await db().dataAsset.count({ where: { name: { startsWith: tag } } })).toBe(N);
    const activities = await burst((i) => post(createActivityRoute, key, activityInput({ name: `${tag} activity ${i}`, assetIds: [ids(assets)[i]] }), {}));
    expect(tally(activities)).toBe(`201 x${N}`);
    expect(await db().processingActivity.count({ where: { name: { startsWith: tag } } })).toBe(N);
  });

  it("consent purposes: 20 x 201; the same key 20 times: one 201, the rest 409", async () => {
    const key = await keyFor(["consent:write", "consent:read"]);
    const tag = `race_${randomBytes(4).toString("hex")}`;
    const distinct = await burst((i) => post(createPurposeRoute, key, { key: `${tag}_${i}`, title: `Purpose ${i}`, lawfulBasis: "consent", noticeText: `Notice ${i}` }, {}));
    expect(tally(distinct)).toBe(`201 x${N}`);
    expect(await db().consentPurpose.count({ where: { key: { startsWith: tag } } })).toBe(N);
    const same = await burst((i) => post(createPurposeRoute, key, { key: `${tag}_same`, title: `Same ${i}`, lawfulBasis: "consent" }, {}));
    expect(tally(same)).toBe(`201 x1, 409 x${N - 1}`);
    for (const a of same.filter((x) => x.status === 409)) expect((a.body as { error: { code: string } }).error.code).toBe("CONFLICT");
  });

  it("consent notice versions published together get distinct numbers", async () => {
    const officer = await makeOfficer();
    const key = await keyFor(["consent:write", "consent:read"]);
    const purposeKey = `race_${randomBytes(4).toString("hex")}`;
    expect((await post(createPurposeRoute, key, { key: purposeKey, title: "Newsletter", lawfulBasis: "consent", noticeText: "v1" }, {})).status).toBe(201);
    const results = await burst((i) => outcome(publishNoticeVersion(officer, purposeKey, `Notice text ${i}`)));
    expect(tally(results)).toBe(`201 x${N}`);
    const purpose = await db().consentPurpose.findUniqueOrThrow({ where: { key: purposeKey } });
    const versions = await db().consentNoticeVersion.findMany({ where: { purposeId: purpose.id }, select: { version: true } });
    expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual(Array.from({ length: N + 1 }, (_, i) => i + 1));
  });

  it("AI systems and model versions: distinct ones all 201; the same name or version: one 201, the rest 409", async () => {
    const key = await keyFor(["oversight:admin"], { userEmail: officerEmail });
    const tag = uid("race");
    const systems = await burst((i) => post(createSystemRoute, key, { name: `${tag} ${i}`, purpose: "Routes claims", riskTier: "high" }, {}));
    expect(tally(systems)).toBe(`201 x${N}`);
    expect(await db().aiSystem.count({ where: { name: { startsWith: tag } } })).toBe(N);
    const sameName = await burst(() => post(createSystemRoute, key, { name: `${tag} same`, purpose: "Routes claims", riskTier: "high" }, {}));
    expect(tally(sameName)).toBe(`201 x1, 409 x${N - 1}`);
    const systemId = ids(systems)[0]!;
    const sha = () => randomBytes(32).toString("hex");
    const versions = await burst((i) => post(createVersionRoute, key, { version: `v${i}`, artifactSha256: sha() }, { id: systemId }));
    expect(tally(versions)).toBe(`201 x${N}`);
    const sameVersion = await burst(() => post(createVersionRoute, key, { version: "v-same", artifactSha256: sha() }, { id: systemId }));
    expect(tally(sameVersion)).toBe(`201 x1, 409 x${N - 1}`);
    expect(await db().aiModelVersion.count({ where: { aiSystemId: systemId } })).toBe(N + 1);
  });

  it("decisions: 20 x 201 with distinct externalIds; the same externalId: one 201, the rest 409", async () => {
    const { system } = await makeSystem();
    const key = await keyFor(["decisions:read", "decisions:write"], { aiSystemId: system.id });
    const answers = await burst(() => post(submitDecisionRoute, key, decisionBody(), {}));
    expect(tally(answers)).toBe(`201 x${N}`);
    const same = decisionBody();
    const dup = await burst(() => post(submitDecisionRoute, key, same, {}));
    expect(tally(dup)).toBe(`201 x1, 409 x${N - 1}`);
    expect(await db().oversightDecision.count({ where: { aiSystemId: system.id } })).toBe(N + 1);
  });

  it("users, API keys, controls and checklists: distinct ones all succeed; a taken email, id or name is 409", async () => {
    const tag = randomBytes(4).toString("hex");
    const user = (email: string) => ({ email, name: "Race", role: "reviewer", password: "correct-horse-battery-2026" });
    expect(tally(await burst((i) => outcome(createUser(SYSTEM_CLI, user(`race-${tag}-${i}@test.local`)))))).toBe(`201 x${N}`);
    expect(tally(await burst(() => outcome(createUser(SYSTEM_CLI, user(`race-${tag}-same@test.local`)))))).toBe(`201 x1, 409 x${N - 1}`);
    expect(await db().user.count({ where: { email: { startsWith: `race-${tag}-` } } })).toBe(N + 1);

    expect(tally(await burst((i) => outcome(createApiKey(SYSTEM_CLI, { name: `race ${tag} ${i}`, scopes: ["audit:read"] }))))).toBe(`201 x${N}`);
    expect(await db().apiKey.count({ where: { name: { startsWith: `race ${tag} ` } } })).toBe(N);

    const control = (id: string) => ({ id, title: "Race control", description: "A control", area: "security", citation: "Policy 1", frequencyDays: 90, manualCheck: "Look at it" });
    const cid = `RACE-${tag.toUpperCase()}`;
    expect(tally(await burst((i) => outcome(createControl(SYSTEM_CLI, control(`${cid}-${i}`)))))).toBe(`201 x${N}`);
    expect(tally(await burst(() => outcome(createControl(SYSTEM_CLI, control(`${cid}-SAME`)))))).toBe(`201 x1, 409 x${N - 1}`);
    expect(await db().control.count({ where: { id: { startsWith: cid } } })).toBe(N + 1);

    const checklist = (name: string) => ({ name, controlIds: [`${cid}-0`] });
    expect(tally(await burst((i) => outcome(createChecklist(SYSTEM_CLI, checklist(`Race ${tag} ${i}`)))))).toBe(`201 x${N}`);
    expect(tally(await burst(() => outcome(createChecklist(SYSTEM_CLI, checklist(`Race ${tag} same`)))))).toBe(`201 x1, 409 x${N - 1}`);
    expect(await db().checklist.count({ where: { name: { startsWith: `Race ${tag}` } } })).toBe(N + 1);
    // Files share the database and tests/db/posture counts the catalogue's controls: leave none behind.
    await db().checklist.deleteMany({ where: { name: { startsWith: `Race ${tag}` } } });
    await db().control.deleteMany({ where: { id: { startsWith: cid } } });
  });

  it("webhook endpoints: 20 x 201 with distinct ids and secrets, 20 rows", async () => {
    allowCallbackHosts("127.0.0.1");
    try {
      const admin = await makeUser({ role: "admin", mfaEnrolled: true });
      const key = await keyFor(["webhooks:manage"], { userEmail: admin.email });
      const answers = await burst((i) => post(createWebhookRoute, key, { url: `http://127.0.0.1:9/race-${i}`, events: ["incident.created"] }, {}));
      expect(tally(answers)).toBe(`201 x${N}`);
      expect(new Set(ids(answers)).size).toBe(N);
      expect(new Set(answers.map((a) => (a.body as { secret: string }).secret)).size).toBe(N);
      expect(await db().webhookEndpoint.count({ where: { id: { in: ids(answers) } } })).toBe(N);
      // Left behind, they would receive every incident later files create.
      await db().webhookEndpoint.deleteMany({ where: { id: { in: ids(answers) } } });
    } finally {
      allowCallbackHosts("");
    }
  });
});
