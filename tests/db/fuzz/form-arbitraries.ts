// FormData payloads for the server-action fuzz test: a valid form (the sample) with one to
// three things wrong: a field dropped, sent twice, replaced by a hostile string, by the id of
// another record (or another person), by a very long string or by a file where text belongs;
// an unknown field added; JSON fields mutated inside their JSON. Sometimes nothing is wrong,
// and the action may then write.
import fc from "fast-check";
import { anyJson, hostileString, mutationOf } from "./arbitraries";

export type FormSample = Record<string, string | string[] | File>;
export type Entry = [name: string, value: string | File];

const huge = fc.constantFrom("x".repeat(100_000), "\u00e9".repeat(50_000), "\ud83d\ude00".repeat(30_000));
const file = fc.constantFrom(new File(["not what you expected"], "x.txt", { type: "text/plain" }), new File([new Uint8Array(0)], "empty.bin"), new File(["\u0000\ud800"], "bad\u0000name.csv"));

function entriesOf(sample: FormSample): Entry[] {
  return Object.entries(sample).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): Entry => [k, x]) : [[k, v] as Entry]));
}

type Mutation = (entries: Entry[]) => Entry[];

function mutations(sample: FormSample, ids: fc.Arbitrary<string>, json: Record<string, unknown>): fc.Arbitrary<Mutation> {
  const keys = [...Object.keys(sample), ...Object.keys(json)];
  const key = keys.length ? fc.constantFrom(...keys) : hostileString;
  const replace = (k: string, v: string | File): Mutation => (es) => [...es.filter(([n]) => n !== k), [k, v]];
  const value = fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 3, arbitrary: ids }, { weight: 1, arbitrary: huge }, { weight: 1, arbitrary: file });
  const jsonKeys = Object.keys(json);
  const arbs: fc.Arbitrary<Mutation>[] = [
    fc.tuple(key, value).map(([k, v]) => replace(k, v)),
    key.map((k): Mutation => (es) => es.filter(([n]) => n !== k)),
    fc.tuple(key, value).map(([k, v]): Mutation => (es) => [...es, [k, v]]),
    fc.tuple(hostileString, value).map(([k, v]): Mutation => (es) => [...es, [k, v]]),
  ];
  if (jsonKeys.length) {
    const jsonValue = (k: string) => fc.oneof(mutationOf(json[k] as Record<string, unknown>), anyJson).map((v) => JSON.stringify(v) ?? "null");
    arbs.push(fc.constantFrom(...jsonKeys).chain((k) => jsonValue(k).map((v) => replace(k, v))));
  }
  return fc.oneof(...arbs);
}

/**
 * A FormData payload around `sample`. `json` names fields that carry JSON, with a valid
 * object for each; their sample text is that object's JSON.
 */
export function formArbitrary(sample: FormSample, ids: fc.Arbitrary<string>, json: Record<string, unknown> = {}): fc.Arbitrary<Entry[]> {
  const base = entriesOf({ ...sample, ...Object.fromEntries(Object.entries(json).map(([k, v]) => [k, JSON.stringify(v)])) });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(base) },
    { weight: 9, arbitrary: fc.array(mutations(sample, ids, json), { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((es, m) => m(es), base)) },
  );
}

export function toFormData(entries: Entry[]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}
