// Payload generators for the API fuzz test: hostile leaves (NUL, lone surrogates, huge
// numbers, long strings, dates that are not dates), JSON of any shape, and mutations of a
// valid body (a field dropped, replaced by anything, an unknown field added), plus raw
// bodies that are not JSON at all or nest too deep.
import fc from "fast-check";

const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\u202e\u200b",
  "x".repeat(5000),
  "<script>alert(1)</script>",
  "'; DROP TABLE \"Incident\"; --",
  "2026-13-45T25:61:00Z",
  "-1",
  "1e309",
  "NaN",
  "../../etc/passwd",
  "US-ZZ",
  "%00",
);

export const hostileString = fc.oneof(nasty, fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme", maxLength: 50 }));

const leaf = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 8, -0, 2 ** 31, -(2 ** 31) - 1, 1e308),
);

export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("v"), { maxLength: 5 }), fc.dictionary(hostileString, tie("v"), { maxKeys: 5 })),
})).v;

/** A valid body with one thing wrong (or, sometimes, nothing wrong: then it may be written). */
export function mutationOf(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  if (keys.length === 0) return anyJson;
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    fc.tuple(key, anyJson).map(([k, v]) => ({ ...sample, [k]: v })),
    fc.tuple(key, leaf).map(([k, v]) => ({ ...sample, [k]: v })),
    key.map((k) => {
      const copy = { ...sample };
      delete copy[k];
      return copy;
    }),
    fc.tuple(hostileString, anyJson).map(([k, v]) => ({ ...sample, [k]: v })),
    fc.constant(sample),
  );
}

/** The request body text: mostly JSON, sometimes broken JSON or nesting past the limit. */
export function bodyText(json: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: json.map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: fc.string({ unit: "binary" }) },
    { weight: 1, arbitrary: fc.integer({ min: 30, max: 20_000 }).map((n) => "[".repeat(n) + "]".repeat(n)) },
  );
}

/** Path segments: real ids of existing records mixed with hostile strings. */
export function pathValue(real: readonly string[]): fc.Arbitrary<string> {
  return real.length ? fc.oneof(fc.constantFrom(...real), hostileString) : hostileString;
}
