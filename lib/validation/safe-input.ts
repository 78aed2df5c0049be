// Security-sensitive: input that would crash a layer below validation, refused up front
// with a 422 naming the field. Three kinds, all of which used to end as a 500:
// - NUL (U+0000): PostgreSQL text cannot store it (and C-string code truncates at it);
// - a lone UTF-16 surrogate (`"\ud800"` in JSON): not Unicode, so it cannot be encoded as
//   UTF-8 for the database, a hash or a response;
// - deep nesting: recursive code (JSON.stringify, zod, hashing) overflows the stack.
// Depth is checked on the raw text before JSON.parse, and every walk here is iterative.
import type { z } from "zod";
import { AppError, validationError } from "@/lib/errors";

export const MAX_INPUT_DEPTH = 32;

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string, or null. */
export function stringProblem(s: string): string | null {
  if (NUL.test(s)) return "must not contain a NUL character (U+0000)";
  if (LONE_SURROGATE.test(s)) return "must be valid Unicode text (it contains a lone UTF-16 surrogate)";
  return null;
}

/** Whether JSON text nests arrays/objects deeper than `max`, without parsing it. */
export function jsonNestingExceeds(text: string, max = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export type InputProblem = { path: string; message: string };

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
const printable = (key: string) => JSON.stringify(key).slice(1, -1);

/** The first bad string (value or key) or too-deep nesting in a value, or null. */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: "", depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === "string") {
      const problem = stringProblem(v);
      if (problem) return { path: path || "(body)", message: problem };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth >= maxDepth) return { path: path || "(body)", message: `is nested more than ${maxDepth} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v as Record<string, unknown>);
    for (const [k, x] of entries) {
      if (typeof k === "string") {
        const problem = stringProblem(k);
        if (problem) return { path: join(path, printable(k)), message: `has a key that ${problem}` };
      }
      stack.push({ v: x, path: join(path, k), depth: depth + 1 });
    }
  }
  return null;
}

export function problemError(p: InputProblem): AppError {
  return new AppError("VALIDATION", `${p.path} ${p.message}.`, [p]);
}

/** Throws a 422 naming the field when `value` holds input the layers below cannot take. */
export function assertSafeInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): void {
  const p = findInputProblem(value, maxDepth);
  if (p) throw problemError(p);
}

/** The same for a server action's form data (field names and text values). */
export function assertSafeForm(form: FormData): void {
  for (const [name, v] of form.entries()) {
    const problem = stringProblem(name) ?? (typeof v === "string" ? stringProblem(v) : stringProblem(v.name));
    if (problem) throw problemError({ path: printable(name), message: problem });
  }
}

/** For the shared zod string helpers: `.superRefine(rejectUnsafeText)`. */
export function rejectUnsafeText(s: string, ctx: { addIssue: (issue: { code: "custom"; message: string }) => void }) {
  const problem = stringProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

/**
 * The parse every lib/server area uses: refuses unsafe text and deep nesting first (so
 * nothing recursive sees it), then the schema; both as a 422 naming the field.
 */
export function parseSafe<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  assertSafeInput(input);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError("Check the highlighted fields.", parsed.error.issues, input);
  return parsed.data;
}
