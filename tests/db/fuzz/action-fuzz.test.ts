// Property-based fuzzing of every server action that takes input (issue 13): FUZZ_RUNS forms
// per action from tests/db/fuzz/form-arbitraries.ts, called in-process as the role the action
// is for and as one it must refuse. No call may throw (other than Next's redirect/notFound
// where that is the designed outcome); every refusal must say what is wrong in words (never
// the "something went wrong" of an unexpected error); and a refusal must leave the row counts
// of the tables the action writes exactly as they were (no partial write).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../forms/actions-helpers";
import { GENERIC_FAILURE, invoke, stepUp } from "./action-mocks";
import type { Role } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/server/actor";
import { actorFor } from "@/lib/server/testing/factories";
import { makeActionFixtures, snapshotSharedState, type ActionFixtures } from "./action-fixtures";
import { NO_INPUT, SPECS, type ActionSpec, type Caller } from "./action-specs";
import { formArbitrary, toFormData } from "./form-arbitraries";
import { hostileString } from "./arbitraries";
import { changedTables, TABLES, tableCounts } from "./fuzz-support";

// Per action and dialect in `npm test`; the budget behind the number is in docs/decisions/019.
const RUNS = Number(process.env.FUZZ_ACTION_RUNS ?? process.env.FUZZ_RUNS ?? 500);
type Action = (...args: unknown[]) => Promise<unknown>;

let fx: ActionFixtures;
let actors: Record<Role, Actor>;
let restore: () => Promise<void>;

async function actionOf(key: string): Promise<Action> {
  const [file, name] = key.split("#") as [string, string];
  const mod = (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, Action>;
  return mod[name]!;
}

function signIn(caller: Caller) {
  signedIn.actor = caller === "anonymous" ? null : actors[caller];
}

/** The call as the page makes it: (previous state, form); the asset picker takes its query. */
const caller = (key: string, action: Action) => (form: FormData) => (key.endsWith("#searchAssetsAction") ? action(String(form.get("q") ?? "")) : action(null, form));

/** The tables one valid call writes, plus the audit log and what refusals write on purpose. */
async function touchedBy(key: string, spec: ActionSpec, call: (f: FormData) => Promise<unknown>): Promise<string[]> {
  signIn(spec.roles[0]);
  const before = await tableCounts();
  const out = await invoke(() => call(toFormData(Object.entries(spec.form(fx)).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string | File]])).concat(Object.entries(spec.json?.(fx) ?? {}).map(([k, v]) => [k, JSON.stringify(v)])))));
  const wrote = changedTables(before, await tableCounts());
  // A sample that cannot succeed here (MFA not started, a token that is not one) names what
  // a success would write; one that says nothing makes every table counted, which is slow.
  if ("result" in out && !out.result.ok && wrote.length === 0 && !spec.writes) {
    console.warn(`${key}: the sample form was refused (${out.result.message}); every table is counted`);
    return [...TABLES];
  }
  return [...new Set([...wrote, "AuditEvent", ...(spec.refusalWrites ?? []), ...(spec.writes ?? [])])];
}

beforeAll(async () => {
  restore = await snapshotSharedState();
  fx = await makeActionFixtures();
  actors = { admin: await actorFor("admin"), compliance_officer: await actorFor("compliance_officer"), reviewer: await actorFor("reviewer"), auditor: await actorFor("auditor") };
  stepUp.pending = { sessionId: "fuzz-no-such-session", userId: fx.otherUserId, email: fx.otherUserEmail, name: "Other" };
}, 120_000);

afterAll(async () => {
  await restore();
});

describe(`server-action fuzzing: ${RUNS} forms per action`, () => {
  for (const [key, spec] of Object.entries(SPECS)) {
    it(`${key}: never throws, refusals explain themselves, a refusal writes nothing`, async () => {
      const call = caller(key, await actionOf(key));
      const touched = await touchedBy(key, spec, call);
      const start = await tableCounts();
      let before = await tableCounts(touched);
      // The wrong role is refused before anything else is read, the same way every time: one
      // run in five is enough for it, and the rest go to the inputs of the right one.
      const role = spec.roles[1] ? fc.oneof({ weight: 4, arbitrary: fc.constant(spec.roles[0]) }, { weight: 1, arbitrary: fc.constant(spec.roles[1]) }) : fc.constant(spec.roles[0]);
      const ids = fc.oneof(fc.constantFrom(...fx.ids), hostileString);
      await fc.assert(
        fc.asyncProperty(role, formArbitrary(spec.form(fx), ids, spec.json?.(fx)), async (role, entries) => {
          signIn(role);
          const out = await invoke(() => call(toFormData(entries)));
          if ("result" in out && !out.result.ok) {
            const message = out.result.message ?? "";
            expect(message.length, "a refusal says what is wrong").toBeGreaterThan(5);
            expect(message, "an unexpected error, not a refusal").not.toContain(GENERIC_FAILURE);
            const after = await tableCounts(touched);
            const allowed = [...(spec.refusalWrites ?? []), ...(role !== spec.roles[0] ? ["AuditEvent"] : [])];
            expect(changedTables(before, after, allowed), `refused (${message.slice(0, 120)}) but wrote`).toEqual([]);
            before = after;
          } else {
            expect(role === spec.roles[0] || spec.roles.length === 1, `the ${role} was let through`).toBe(true);
            before = await tableCounts(touched);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
      );
      // A write outside the tables the valid call wrote would not have been counted above.
      const outside = changedTables(start, await tableCounts()).filter((t) => !touched.includes(t));
      expect(outside, "tables written that the valid form does not write").toEqual([]);
    }, 600_000);
  }

  for (const [key, roles] of Object.entries(NO_INPUT)) {
    it(`${key}: the right role is answered, the wrong one refused in words with nothing written`, async () => {
      const action = await actionOf(key);
      signIn(roles[0]);
      const out = await invoke(() => action());
      expect(JSON.stringify(out)).not.toContain(GENERIC_FAILURE);
      if (!roles[1]) return;
      signIn(roles[1]);
      const before = await tableCounts();
      const refused = await invoke(() => action());
      expect("result" in refused && refused.result.ok).toBe(false);
      expect(changedTables(before, await tableCounts(), ["AuditEvent"])).toEqual([]);
    });
  }
});
