// Issue 13: 20 identical POSTs with one Idempotency-Key, released together, must write once.
// Every answer is the first one replayed (same status and body) or 409 "in flight"; at least
// one is the 201. Driven through the real route handlers on both dialects.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as createAssetRoute } from "@/app/api/v1/assets/route";
import { POST as consentEventsRoute } from "@/app/api/v1/consent/events/route";
import { POST as createPurposeRoute } from "@/app/api/v1/consent/purposes/route";
import { POST as submitDecisionRoute } from "@/app/api/v1/decisions/route";
import { POST as createIncidentRoute } from "@/app/api/v1/incidents/route";
import { POST as markSentRoute } from "@/app/api/v1/incidents/[id]/obligations/[obligationId]/sent/route";
import { POST as createActivityRoute } from "@/app/api/v1/processing-activities/route";
import { db } from "@/lib/server/db";
import { decisionBody, makeSystem } from "../oversight/helpers";
import { activityInput, assetInput } from "../inventory/fixtures";
import { burst, keyFor, N, post, tally, uid, type Answer } from "./helpers";

/** Exactly one first answer with `status`; every other answer replays it or is 409 in flight. */
function expectOneWrite(answers: Answer[], status: number, rows: number) {
  expect(rows, `rows written; answers ${tally(answers)}`).toBe(1);
  const firsts = answers.filter((a) => a.status === status && !a.replayed);
  expect(firsts.length, tally(answers)).toBe(1);
  const first = firsts[0]!;
  for (const a of answers) {
    if (a.status === 409) expect((a.body as { error: { code: string } }).error.code).toBe("IDEMPOTENCY_IN_FLIGHT");
    else expect(a).toEqual(a === first ? first : { ...first, replayed: true });
  }
  return first.body as Record<string, unknown>;
}

const idem = () => ({ "idempotency-key": uid("idem") });

describe("20 parallel POSTs with one Idempotency-Key and the same body", () => {
  it("incidents: one incident", async () => {
    const key = await keyFor(["incidents:write"]);
    const title = uid("idem incident");
    const headers = idem();
    const answers = await burst(() => post(createIncidentRoute, key, { title, discoveredAt: "2031-06-01T10:00:00Z", affected: [{ jurisdiction: "DE", count: 5 }] }, {}, headers));
    expect(answers.length).toBe(N);
    expectOneWrite(answers, 201, await db().incident.count({ where: { title } }));
  });

  it("assets and processing activities: one row each", async () => {
    const key = await keyFor(["inventory:read", "inventory:write"]);
    const asset = assetInput({ name: uid("idem asset") });
    const h1 = idem();
    const assets = await burst(() => post(createAssetRoute, key, asset, {}, h1));
    const a = expectOneWrite(assets, 201, await db().dataAsset.count({ where: { name: asset.name } }));
    const activity = activityInput({ name: uid("idem activity"), assetIds: [a.id] });
    const h2 = idem();
    const activities = await burst(() => post(createActivityRoute, key, activity, {}, h2));
    expectOneWrite(activities, 201, await db().processingActivity.count({ where: { name: activity.name } }));
  });

  it("consent purposes: one purpose", async () => {
    const key = await keyFor(["consent:write"]);
    const body = { key: `idem_${randomBytes(4).toString("hex")}`, title: "Newsletter", lawfulBasis: "consent", noticeText: "We send news." };
    const h = idem();
    const answers = await burst(() => post(createPurposeRoute, key, body, {}, h));
    expectOneWrite(answers, 201, await db().consentPurpose.count({ where: { key: body.key } }));
  });

  it("consent events: one event (the ingest's own idempotency path)", async () => {
    const key = await keyFor(["consent:write"]);
    const purposeKey = `idem_${randomBytes(4).toString("hex")}`;
    const purpose = (await post(createPurposeRoute, key, { key: purposeKey, title: "Ads", lawfulBasis: "consent" }, {})).body as { id: string };
    const body = { subjectId: `${uid("s")}@example.com`, purpose: purposeKey, action: "grant", occurredAt: "2026-11-20T10:00:00.000Z" };
    const h = idem();
    const answers = await burst(() => post(consentEventsRoute, key, body, {}, h));
    expectOneWrite(answers, 201, await db().consentEvent.count({ where: { purposeId: purpose.id } }));
  });

  it("decisions: one decision", async () => {
    const { system } = await makeSystem();
    const key = await keyFor(["decisions:read", "decisions:write"], { aiSystemId: system.id });
    const body = decisionBody();
    const h = idem();
    const answers = await burst(() => post(submitDecisionRoute, key, body, {}, h));
    expectOneWrite(answers, 201, await db().oversightDecision.count({ where: { aiSystemId: system.id } }));
  });

  it("marking a notice sent: one timeline entry, every answer the same 200", async () => {
    const key = await keyFor(["incidents:write"]);
    const created = await post(createIncidentRoute, key, { title: uid("idem sent"), discoveredAt: "2026-06-01T10:00:00Z", affected: [{ jurisdiction: "DE", count: 5 }] }, {});
    const incident = created.body as { id: string; obligations: { id: string }[] };
    const obligationId = incident.obligations[0]!.id;
    const h = idem();
    const answers = await burst(() => post(markSentRoute, key, { sentAt: "2026-06-02T10:00:00Z", reference: "R-1" }, { id: incident.id, obligationId }, h));
    const rows = await db().incidentTimelineEntry.count({ where: { incidentId: incident.id, action: { startsWith: "Notice sent" } } });
    expect(rows, `rows written; answers ${tally(answers)}`).toBe(1);
    // This route has never sent Idempotent-Replayed; compare status and body only.
    expect(tally(answers)).toBe(`200 x${N}`);
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
  });

  it("a key whose first request has not answered yet is 409 IDEMPOTENCY_IN_FLIGHT, and nothing is written", async () => {
    const key = await keyFor(["inventory:read", "inventory:write"]);
    const asset = assetInput({ name: uid("pending") });
    const h = idem();
    const first = await post(createAssetRoute, key, asset, {}, h);
    // Put the record back to its claimed-but-unanswered state (status 0), as seen mid-flight.
    await db().idempotencyRecord.updateMany({ where: { key: h["idempotency-key"] }, data: { status: 0, responseBody: "" } });
    const again = await post(createAssetRoute, key, asset, {}, h);
    expect(again.status).toBe(409);
    expect((again.body as { error: { code: string } }).error.code).toBe("IDEMPOTENCY_IN_FLIGHT");
    expect(first.status).toBe(201);
    expect(await db().dataAsset.count({ where: { name: asset.name } })).toBe(1);
  });

  it("the same key with another body is still 409 CONFLICT, and writes nothing", async () => {
    const key = await keyFor(["inventory:read", "inventory:write"]);
    const h = idem();
    const first = await post(createAssetRoute, key, assetInput({ name: uid("first") }), {}, h);
    expect(first.status).toBe(201);
    const name = uid("other");
    const others = await burst(() => post(createAssetRoute, key, assetInput({ name }), {}, h));
    expect(tally(others)).toBe(`409 x${N}`);
    for (const a of others) expect((a.body as { error: { code: string } }).error.code).toBe("CONFLICT");
    expect(await db().dataAsset.count({ where: { name } })).toBe(0);
  });
});
