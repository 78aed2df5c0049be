// Fixtures for the resilience harness (crash trials, two instances), written through the
// app's own functions into DATABASE_URL, printed as one JSON line: API keys for consent,
// incidents and an AI system, reviewer keys, and the consent purpose.
import { randomBytes } from "node:crypto";
import { loadLocalEnv } from "../local-env.mjs";

loadLocalEnv({ quiet: true });
const { SYSTEM_CLI } = await import("@/lib/server/actor");
const { createApiKey, createOwnApiKey } = await import("@/lib/server/api-keys/create-api-key");
const { createPurpose } = await import("@/lib/server/consent/purposes");
const { createAiSystem, createModelVersion, approveModelVersion } = await import("@/lib/server/oversight/registry");
const { putEscalationPolicy } = await import("@/lib/server/oversight/policy");
const { createUser } = await import("@/lib/server/users/create-user");
const { db } = await import("@/lib/server/db");
const { actorOf } = await import("@/lib/server/testing/factories");

const tag = randomBytes(4).toString("hex");
const approvals = Number(process.env.HARNESS_APPROVALS ?? 1);
const officer = await createUser(SYSTEM_CLI, { email: `officer-${tag}@harness.local`, name: "Harness officer", role: "compliance_officer", password: `harness-${tag}-password` });
// Model versions are approved by a named person, as in production.
const o = await actorOf(officer.email);
const system = await createAiSystem(o, { name: `Harness ${tag}`, purpose: "Credit decisions under test", riskTier: "high", owner: officer.email });
const version = await createModelVersion(o, system.id, { version: "v1", artifactSha256: randomBytes(32).toString("hex") });
await approveModelVersion(o, system.id, version.id);
await putEscalationPolicy(o, system.id, { rules: [{ when: {}, action: "review", approvals, slaHours: 24 }] });
const purpose = await createPurpose(SYSTEM_CLI, { key: `harness_${tag}`, title: "Harness", lawfulBasis: "consent" });

const reviewers: string[] = [];
for (let i = 0; i < 4; i++) {
  const u = await createUser(SYSTEM_CLI, { email: `reviewer-${i}-${tag}@harness.local`, name: `Reviewer ${i}`, role: "reviewer", password: `harness-${tag}-password` });
  // MFA may be required for reviewers; the harness's people have enrolled.
  await db().user.update({ where: { id: u.id }, data: { mfaEnabledAt: new Date() } });
  // A reviewer's verdicts count only through a key the reviewer made (four-eyes).
  reviewers.push((await createOwnApiKey(await actorOf(u.email), { name: `harness reviewer ${i}`, scopes: ["decisions:read", "decisions:review"] })).key);
}
const writer = (await createApiKey(SYSTEM_CLI, { name: `harness writer ${tag}`, scopes: ["consent:read", "consent:write", "incidents:read", "incidents:write"] })).key;
const systemKey = (await createApiKey(SYSTEM_CLI, { name: `harness system ${tag}`, scopes: ["decisions:read", "decisions:write"], aiSystemId: system.id })).key;
console.log(JSON.stringify({ writer, systemKey, reviewers, purpose: purpose.key }));
await db().$disconnect();
