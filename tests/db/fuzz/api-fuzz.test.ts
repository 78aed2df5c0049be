// Property-based fuzzing of every declared /api/v1 operation (issue 13): FUZZ_RUNS payloads
// per operation and dialect (500 by default: 1,000 per operation in each `npm test` over the two dialects, docs/decisions/019) through the real route handlers on this run's
// dialect. Every answer must be below 500, every error must carry a code and a message, and
// an answer of 4xx must leave every table exactly as it was (no partial write).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Operation } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/operations/registry";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { decisionBody } from "../oversight/helpers";
import { activityInput, assetInput } from "../inventory/fixtures";
import { anyJson, bodyText, hostileString, mutationOf, pathValue } from "./arbitraries";
import { API_WRITES } from "./api-writes";
import { changedTables, loadRoutes, makeFixtures, tableCounts, type Fixtures } from "./fuzz-support";

// Per operation and dialect in `npm test` (docs/decisions/019 has the budget); FUZZ_RUNS for a deeper run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
// A key per this many requests keeps the per-key budget (120 burst) from answering 429 to
// everything; 429 would pass the property but test nothing.
const REQUESTS_PER_KEY = 100;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let routes: Map<string, Handler>;
let fx: Fixtures;

/** A valid body per operation, mutated by the generators; operations not listed get any JSON. */
function sampleFor(op: Operation): Record<string, unknown> | null {
  const stamp = Math.random().toString(36).slice(2, 8);
  switch (`${op.method} ${op.path}`) {
    case "post /api/v1/incidents": return { title: `Fuzz ${stamp}`, discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 5 }] };
    case "patch /api/v1/incidents/{id}": return { title: `Fuzz ${stamp}` };
    case "post /api/v1/incidents/{id}/obligations/{obligationId}/sent": return { sentAt: "2031-05-05T10:00:00Z", reference: "ref" };
    case "post /api/v1/consent/purposes": return { key: `fuzz_${stamp}`, title: "Fuzz", lawfulBasis: "consent" };
    case "post /api/v1/consent/events": return { subjectId: `s-${stamp}`, purpose: fx.purposeKey, action: "grant" };
    case "post /api/v1/assets": return assetInput({ name: `Fuzz ${stamp}` });
    case "patch /api/v1/assets/{id}": return { name: `Fuzz ${stamp}` };
    case "post /api/v1/processing-activities": return activityInput({ name: `Fuzz ${stamp}`, assetIds: [fx.ids.id![0]] });
    case "patch /api/v1/processing-activities/{id}": return { name: `Fuzz ${stamp}` };
    case "post /api/v1/ai-systems": return { name: `Fuzz ${stamp}`, purpose: "Routes claims", riskTier: "high" };
    case "patch /api/v1/ai-systems/{id}": return { purpose: "Routes claims" };
    case "post /api/v1/ai-systems/{id}/model-versions": return { version: `v-${stamp}`, artifactSha256: "a".repeat(64) };
    case "put /api/v1/ai-systems/{id}/policy": return { rules: [], allowAdminReview: false };
    case "post /api/v1/decisions": return decisionBody();
    case "post /api/v1/decisions/{id}/reviews": return { outcome: "approve", rationale: "Looks right to me." };
    default: return null;
  }
}

function requestArbitrary(op: Operation) {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const paramArb = fc.record(Object.fromEntries(params.map((p) => [p, pathValue(fx.ids[p] ?? [])])) as Record<string, fc.Arbitrary<string>>);
  const sample = op.body ? sampleFor(op) : null;
  const body = op.body ? bodyText(sample ? fc.oneof(mutationOf(sample), anyJson) : anyJson) : fc.constant(undefined);
  const queryKeys = op.query ? Object.keys(op.query.shape) : [];
  const query = fc.dictionary(queryKeys.length ? fc.oneof(fc.constantFrom(...queryKeys), hostileString) : hostileString, hostileString, { maxKeys: 3 });
  return fc.record({ params: paramArb, body, query });
}

function urlOf(op: Operation, params: Record<string, string>, query: Record<string, string>): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent((params[p] ?? "").toWellFormed()));
  const url = new URL(`http://localhost${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
  return url.toString();
}

beforeAll(async () => {
  routes = await loadRoutes();
  fx = await makeFixtures();
});

describe(`API fuzzing: ${RUNS} payloads per operation`, () => {
  for (const op of OPERATIONS) {
    it(`${op.method.toUpperCase()} ${op.path}: never 5xx, errors explain themselves, a refusal writes nothing`, async () => {
      const handler = routes.get(`${op.method} ${op.path}`)!;
      expect(handler).toBeDefined();
      const scopes = op.scopes.length ? op.scopes : ["audit:read"];
      // Decisions come from an AI system's key; reviews from a reviewer; the rest from an officer.
      const keyOpts =
        op.path === "/api/v1/decisions" ? { aiSystemId: fx.aiSystemId } : op.path.endsWith("/reviews") ? { userEmail: fx.reviewerEmail } : op.path.startsWith("/api/v1/audit") ? { userEmail: fx.auditorEmail } : op.path === "/api/v1/organisation" || op.path === "/api/v1/metrics" ? { userEmail: fx.adminEmail } : { userEmail: fx.officerEmail };
      let key = "";
      let used = REQUESTS_PER_KEY;
      // Counted per request: the tables this operation writes when it succeeds (a refusal
      // that wrote part of the work shows there), the audit log and the keys minted here.
      const touched = ["AuditEvent", "ApiKey", ...(API_WRITES[`${op.method} ${op.path}`] ?? [])];
      const start = await tableCounts();
      let before = await tableCounts(touched);
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op), async ({ params, body, query }) => {
          if (used++ >= REQUESTS_PER_KEY) {
            key = (await createApiKey(SYSTEM_CLI, { name: `fuzz ${op.method} ${op.path}`, scopes: [...scopes], ...keyOpts })).key;
            used = 1;
            before = await tableCounts(touched);
          }
          const req = new Request(urlOf(op, params, query), {
            method: op.method.toUpperCase(),
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            ...(body !== undefined ? { body } : {}),
          });
          const res = await handler(req, { params: Promise.resolve(params) });
          const text = await res.text();
          expect(res.status, `${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) {
            const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
            expect(typeof error?.code).toBe("string");
            expect(String(error?.message ?? "").length).toBeGreaterThan(5);
            const after = await tableCounts(touched);
            // A refusal for lack of permission is itself audited (permission.denied): that row is the point.
            const audited = res.status === 401 || res.status === 403 ? ["AuditEvent"] : [];
            expect(changedTables(before, after, audited), `a ${res.status} (${text.slice(0, 200)}) changed rows`).toEqual([]);
            before = after;
          } else {
            before = await tableCounts(touched);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
      );
      // A table written outside that list was not counted per request: it must be added there.
      const outside = changedTables(start, await tableCounts()).filter((t) => !touched.includes(t));
      expect(outside, `${op.method} ${op.path} wrote tables missing from API_WRITES: ${outside.join(", ")}`).toEqual([]);
    }, 600_000);
  }
});

