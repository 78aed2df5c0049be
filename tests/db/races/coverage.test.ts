// Every declared operation that creates (answers 201) or accepts an Idempotency-Key must be
// raced by a named test: 20 parallel requests with different bodies, and 20 with one shared
// key. A new create route fails here until its race tests exist (issue 13, item 2).
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/api/operations/registry";

type Races = { parallel?: [file: string, test: string]; sharedKey?: [file: string, test: string] };

const CREATES = "tests/db/races/parallel-creates.test.ts";
const BURSTS = "tests/db/races/idempotency-burst.test.ts";

const RACED: Record<string, Races> = {
  "post /api/v1/incidents": { parallel: [CREATES, "incidents: 20 x 201 with distinct INC-YYYY-NNNN references"], sharedKey: [BURSTS, "incidents: one incident"] },
  "post /api/v1/assets": { parallel: [CREATES, "assets and processing activities: 20 x 201 each, 20 rows each"], sharedKey: [BURSTS, "assets and processing activities: one row each"] },
  "post /api/v1/processing-activities": { parallel: [CREATES, "assets and processing activities: 20 x 201 each, 20 rows each"], sharedKey: [BURSTS, "assets and processing activities: one row each"] },
  "post /api/v1/consent/purposes": { parallel: [CREATES, "consent purposes: 20 x 201; the same key 20 times: one 201, the rest 409"], sharedKey: [BURSTS, "consent purposes: one purpose"] },
  "post /api/v1/consent/events": {
    parallel: ["tests/db/consent/atomicity.test.ts", "20 concurrent requests for one subject (no global lock any more): one subject row and one unbroken history chain"],
    sharedKey: [BURSTS, "consent events: one event (the ingest's own idempotency path)"],
  },
  "post /api/v1/ai-systems": { parallel: [CREATES, "AI systems and model versions: distinct ones all 201; the same name or version: one 201, the rest 409"] },
  "post /api/v1/ai-systems/{id}/model-versions": { parallel: [CREATES, "AI systems and model versions: distinct ones all 201; the same name or version: one 201, the rest 409"] },
  "post /api/v1/decisions": { parallel: [CREATES, "decisions: 20 x 201 with distinct externalIds; the same externalId: one 201, the rest 409"], sharedKey: [BURSTS, "decisions: one decision"] },
  "post /api/v1/decisions/{id}/reviews": { parallel: ["tests/db/oversight/review.test.ts", "20 reviewers at the same moment: exactly one outcome, two approvals counted, the rest get 409"] },
  "post /api/v1/webhooks": { parallel: [CREATES, "webhook endpoints: 20 x 201 with distinct ids and secrets, 20 rows"] },
  "post /api/v1/incidents/{id}/obligations/{obligationId}/sent": { sharedKey: [BURSTS, "marking a notice sent: one timeline entry, every answer the same 200"] },
};

function mustExist([file, test]: [string, string]) {
  expect(existsSync(file), file).toBe(true);
  expect(readFileSync(file, "utf8").includes(`"${test}"`), `${file} has no test named "${test}"`).toBe(true);
}

describe("race coverage of create routes", () => {
  for (const op of OPERATIONS) {
    const key = `${op.method} ${op.path}`;
    const creates = op.method === "post" && op.responses[201] !== undefined;
    if (!creates && !op.idempotent) continue;
    it(`${key} is raced${op.idempotent ? " with and without a shared Idempotency-Key" : ""}`, () => {
      const races = RACED[key];
      expect(races, `${key} creates records but no race test is named in ${import.meta.filename}`).toBeDefined();
      if (creates) mustExist(races!.parallel!);
      if (op.idempotent) mustExist(races!.sharedKey!);
    });
  }
});
