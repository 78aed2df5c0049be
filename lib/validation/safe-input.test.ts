import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { assertSafeForm, findInputProblem, jsonNestingExceeds, parseSafe, rejectUnsafeText, stringProblem } from "@/lib/validation/safe-input";

const nest = (n: number): unknown => {
  let v: unknown = "leaf";
  for (let i = 0; i < n; i++) v = i % 2 ? { k: v } : [v];
  return v;
};

describe("stringProblem", () => {
  it.each(["\u0000", "a\u0000", "\ud800", "x\udbff", "\udc00y", "\udfff", "\udc00\ud800"])("refuses %j", (s) => {
    expect(stringProblem(s)).not.toBeNull();
  });
  it.each(["", "plain", "emoji 😀 ok", "\ud83d\ude00", "Zürich – 東京", "tab\tnewline\n"])("accepts %j", (s) => {
    expect(stringProblem(s)).toBeNull();
  });
});

describe("jsonNestingExceeds", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(jsonNestingExceeds("[".repeat(33) + "]".repeat(33))).toBe(true);
    expect(jsonNestingExceeds("[".repeat(32) + "]".repeat(32))).toBe(false);
    expect(jsonNestingExceeds(JSON.stringify({ s: "[[[[{{{{".repeat(100) }))).toBe(false);
    expect(jsonNestingExceeds(JSON.stringify({ s: 'quote \\" [[[' }))).toBe(false);
    expect(jsonNestingExceeds('{"a":'.repeat(10_000))).toBe(true);
  });
});

describe("findInputProblem", () => {
  it("names the path of the bad value or key", () => {
    expect(findInputProblem({ a: [1, { b: "x\u0000" }] })).toEqual({ path: "a.1.b", message: expect.stringMatching(/NUL/) });
    expect(findInputProblem({ ["k\ud800"]: 1 })).toMatchObject({ path: "k\\ud800", message: expect.stringMatching(/key/) });
    expect(findInputProblem("\ud800")).toMatchObject({ path: "(body)" });
    expect(findInputProblem({ ok: ["fine", 1, null, true, { x: "y" }] })).toBeNull();
  });
  it("stops at the depth limit without recursing (10,000 levels)", () => {
    expect(findInputProblem(nest(32))).toBeNull();
    expect(findInputProblem(nest(33))).toMatchObject({ message: "is nested more than 32 levels deep" });
    expect(findInputProblem(nest(10_000))).toMatchObject({ message: expect.stringMatching(/nested/) });
  });
});

describe("parseSafe, assertSafeForm and the zod helper", () => {
  const schema = z.object({ name: z.string() });
  it("refuses before the schema runs, as a 422 naming the field", () => {
    const e = (() => {
      try {
        parseSafe(schema, { name: "a\u0000" });
      } catch (err) {
        return err as AppError;
      }
    })();
    expect(e).toMatchObject({ code: "VALIDATION", message: "name must not contain a NUL character (U+0000).", details: [{ path: "name" }] });
    expect(parseSafe(schema, { name: "ok" })).toEqual({ name: "ok" });
  });
  it("checks form field names and values", () => {
    const f = new FormData();
    f.set("title", "fine");
    expect(() => assertSafeForm(f)).not.toThrow();
    // FormData holds USVStrings (a lone surrogate becomes U+FFFD), so NUL is what gets through.
    f.set("notes", "x\u0000");
    expect(() => assertSafeForm(f)).toThrow(/notes must not contain a NUL/);
  });
  it("gives zod schemas the same check", () => {
    const s = z.string().superRefine(rejectUnsafeText);
    expect(s.safeParse("a\u0000").success).toBe(false);
    expect(s.safeParse("fine").success).toBe(true);
  });
});
