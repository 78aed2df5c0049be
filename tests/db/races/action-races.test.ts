// Issue 13, item 2, for server actions: each creating action called 20 times at once with
// different values makes 20 records; one form sent 20 times at once (a unique name, or the
// same one-time form token) makes exactly one, and every other call gets a refusal in words
// or the replay of the first, never an unexpected error. Both dialects.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../forms/actions-helpers";
import { GENERIC_FAILURE, invoke, type Outcome } from "../fuzz/action-mocks";
import { toFormData, type Entry, type FormSample } from "../fuzz/form-arbitraries";
import { actorFor } from "@/lib/server/testing/factories";
import { allowCallbackHosts } from "../oversight/helpers";
import { cleanUp, makeRaceFixtures, type RaceFixtures } from "./action-race-fixtures";
import { CREATING_ACTIONS } from "./action-races";
import { N } from "./helpers";

const tag = `race${randomBytes(3).toString("hex")}`;
let fx: RaceFixtures;

beforeAll(async () => {
  allowCallbackHosts("127.0.0.1");
  fx = await makeRaceFixtures(tag);
}, 120_000);

afterAll(async () => {
  await cleanUp(tag);
  allowCallbackHosts("");
});

const formOf = (sample: FormSample) => toFormData(Object.entries(sample).flatMap(([k, v]): Entry[] => (Array.isArray(v) ? v.map((x): Entry => [k, x]) : [[k, v]])));

/** "ok x19, refused x1": the outcomes of a burst, for failure messages that show it whole. */
function tally(outs: Outcome[]): string {
  const kinds = outs.map((o) => ("signal" in o ? "redirect" : o.result.ok ? "ok" : "refused"));
  return [...new Set(kinds)].sort().map((k) => `${k} x${kinds.filter((x) => x === k).length}`).join(", ");
}

function noUnexpected(outs: Outcome[]) {
  for (const o of outs) {
    if ("signal" in o) continue;
    expect(o.result.message ?? "", JSON.stringify(o.result).slice(0, 300)).not.toContain(GENERIC_FAILURE);
    if (!o.result.ok) expect((o.result.message ?? "").length).toBeGreaterThan(5);
  }
}

describe(`creating server actions: ${N} parallel calls`, () => {
  for (const [key, spec] of Object.entries(CREATING_ACTIONS)) {
    it(`${key}: ${N} different forms make ${spec.distinctRows ?? N} records${spec.same ? `; one form ${N} times makes ${spec.same.rows}` : ""}`, async () => {
      const [file, name] = key.split("#") as [string, string];
      const action = ((await import(/* @vite-ignore */ `@/${file}`)) as Record<string, (prev: unknown, form: FormData) => Promise<unknown>>)[name]!;
      signedIn.actor = await actorFor(spec.role);
      const t = `${tag}${name.slice(0, 6).toLowerCase()}`;
      const before = await spec.count(fx, t);
      const outs = await Promise.all(Array.from({ length: N }, (_, i) => invoke(() => action(null, formOf(spec.distinct(fx, t, i))))));
      noUnexpected(outs);
      expect(await spec.count(fx, t), tally(outs)).toBe(before + (spec.distinctRows ?? N));
      if (spec.distinctRows === undefined) expect(outs.filter((o) => "signal" in o || o.result.ok).length, tally(outs)).toBe(N);
      if (!spec.same) return;
      const same = spec.same.form(fx, t);
      const middle = await spec.count(fx, t);
      const dup = await Promise.all(Array.from({ length: N }, () => invoke(() => action(null, formOf(same)))));
      noUnexpected(dup);
      expect(await spec.count(fx, t), tally(dup)).toBe(middle + spec.same.rows);
    }, 120_000);
  }
});
