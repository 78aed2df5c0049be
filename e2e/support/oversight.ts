// Oversight journeys' shared set-up: an AI system registered through the registry API (as an
// MLOps pipeline would), with an approved model version, a policy and its submitting key.
import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { admin, makeUser } from "./fixtures";

const lastLine = (out: string) => out.trim().split("\n").at(-1)!.trim();
const sha = () => randomBytes(32).toString("hex");

/** Registers a system through the registry API with a key bound to a new compliance officer. */
export async function registerSystem(request: APIRequestContext, rules: unknown[]) {
  const officer = makeUser("compliance_officer", "ov-officer");
  const mlops = lastLine(admin("apikey:create", "--name", "mlops-pipeline", "--scopes", "oversight:admin", "--user", officer));
  const headers = { Authorization: `Bearer ${mlops}` };
  const created = await request.post("/api/v1/ai-systems", { headers, data: { name: `Loan scorer ${randomBytes(3).toString("hex")}`, purpose: "Personal-loan decisions", riskTier: "high", owner: "Retail Risk" } });
  expect(created.status()).toBe(201);
  const system = (await created.json()) as { id: string; name: string; callbackSecret: string };
  const version = await request.post(`/api/v1/ai-systems/${system.id}/model-versions`, { headers, data: { version: "4.0.1", artifactSha256: sha(), notes: "Approval-rate ratio by sex 0.95" } });
  expect(version.status()).toBe(201);
  const v = (await version.json()) as { id: string };
  const approved = await request.post(`/api/v1/ai-systems/${system.id}/model-versions/${v.id}/approve`, { headers });
  expect(await approved.json()).toMatchObject({ status: "approved", approvedBy: officer });
  const policy = await request.put(`/api/v1/ai-systems/${system.id}/policy`, { headers, data: { rules } });
  expect(policy.status()).toBe(200);
  const systemKey = lastLine(admin("apikey:create", "--name", "loan-scorer", "--scopes", "decisions:write,decisions:read", "--ai-system", system.id));
  return { system, systemKey };
}
