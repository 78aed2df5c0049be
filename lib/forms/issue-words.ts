// The one place a zod issue becomes a sentence for the person at the form: the field's
// label (never the internal name such as `dataCategories.2`), the value they typed, and
// what would be accepted. Pure and client-safe: server actions use it through
// lib/forms/form-result.ts, the policy editor's live check uses it directly.
import type { z } from "zod";

/** How a field is named and explained to people. Keys are dotted paths; `*` stands for any list index. */
export type FieldSpec = {
  label: string;
  /** Replaces the generic sentence for a format (regex, email, url) mismatch, e.g. "may use only lowercase letters…". */
  format?: string;
  /** Labels for an enum's values, so "one of" lists words rather than codes. */
  choices?: Readonly<Record<string, string>>;
};
export type FieldSpecs = Readonly<Record<string, FieldSpec | string>>;

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

const spec = (s: FieldSpec | string | undefined): FieldSpec | undefined => (typeof s === "string" ? { label: s } : s);
const pattern = (path: Path) => path.map((p) => (typeof p === "number" ? "*" : String(p))).join(".");

/** Humanises an internal name when no label is declared: `volumeBand` → "Volume band". */
export function humanise(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "This field";
}

/**
 * The label of the thing at `path`: its own spec, or its list's label with the item's
 * position ("Data categories, item 3"), prefixed by the enclosing row ("Rule 2: …").
 */
export function labelFor(path: Path, specs: FieldSpecs): { label: string; spec?: FieldSpec } {
  let prefix = "";
  // Rows: every list index whose list item has a spec ("rules.*" → "Rule") names the row.
  for (let i = 0; i < path.length; i++) {
    if (typeof path[i] !== "number" || i === path.length - 1) continue;
    const row = spec(specs[pattern(path.slice(0, i + 1))]);
    if (row) prefix = `${row.label} ${(path[i] as number) + 1}: `;
  }
  const own = spec(specs[pattern(path)]);
  if (own) return { label: prefix + own.label, spec: own };
  const last = path.at(-1);
  if (typeof last === "number") {
    const list = spec(specs[pattern(path.slice(0, -1))]);
    const name = list?.label ?? humanise(String(path.at(-2) ?? ""));
    return { label: `${prefix}${name}, item ${last + 1}`, spec: list };
  }
  return { label: prefix + humanise(String(last ?? "")) };
}

/** The input value at `path`, or undefined. */
export function valueAt(input: unknown, path: Path): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A value as people see it: text quoted and shortened, numbers as typed; nothing for lists/objects. */
export function showValue(v: unknown): string {
  if (isEmpty(v)) return "";
  if (typeof v === "string") return ` "${v.length > 60 ? `${v.slice(0, 57)}…` : v}"`;
  if (typeof v === "number" || typeof v === "boolean") return ` ${String(v)}`;
  return "";
}

// Schemas write their own messages either as predicates ("is required", "must be a SHA-256
// in hex") or as instructions ("choose a status"); zod's defaults start with a capital
// ("Too small: …"). A predicate follows the label and value; an instruction follows a colon;
// a default is replaced by our wording.
export const isPredicate = (message: string) => /^(is|are|must|may|can|cannot|needs?|has|have|should|takes?|does|contains)\b/.test(message);
const isOwnWords = (message: string) => /^[a-z]/.test(message);

/** `Label "value" must …` or `Label "value": choose …`. */
export function sentence(label: string, shown: string, message: string): string {
  return isPredicate(message) ? `${label}${shown} ${message}` : `${label}${shown}: ${message}`;
}

const TYPE_WORDS: Record<string, string> = {
  number: "must be a number",
  int: "must be a whole number",
  string: "must be text",
  boolean: "must be yes or no",
  array: "must be a list",
  object: "must be a group of fields",
};

const FORMAT_WORDS: Record<string, string> = {
  email: "must be an email address such as name@example.org",
  url: "must be a web address such as https://example.org",
  datetime: "must be a date and time",
  date: "must be a date (YYYY-MM-DD)",
  regex: "is not in the expected format",
};

const quoteList = (xs: readonly unknown[], choices?: Readonly<Record<string, string>>) => xs.map((x) => (choices?.[String(x)] ? `${choices[String(x)]}` : `"${String(x)}"`)).join(", ");

function predicate(issue: Issue, value: unknown, s?: FieldSpec): string {
  if (issue.code === "custom") return issue.message;
  if (issue.code === "invalid_format" && s?.format) return s.format;
  if (isOwnWords(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return TYPE_WORDS[issue.expected] ?? `must be ${issue.expected}`;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 ? "is required" : `must be at least ${n} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `needs at least ${n} item${n === 1 ? "" : "s"}`;
      return issue.inclusive === false ? `must be more than ${n}` : `must be at least ${n}`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `must be at most ${n} characters${typeof value === "string" ? ` (it has ${value.length})` : ""}`;
      if (issue.origin === "array" || issue.origin === "set") return `may have at most ${n} item${n === 1 ? "" : "s"}`;
      return issue.inclusive === false ? `must be less than ${n}` : `must be at most ${n}`;
    }
    case "invalid_format":
      return FORMAT_WORDS[issue.format] ?? "is not in the expected format";
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${quoteList(issue.values, s?.choices)}` : `must be one of ${quoteList(issue.values, s?.choices)}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "a field" : "fields"} this form does not know: ${quoteList(issue.keys)}`;
    default:
      return "is not valid";
  }
}

/** One issue as a sentence: `Purpose key "Marketing Email!" may use only lowercase letters…`. */
export function issueInWords(issue: Issue, input: unknown, specs: FieldSpecs = {}): string {
  const { label, spec: s } = labelFor(issue.path, specs);
  const value = valueAt(input, issue.path);
  const missing = isEmpty(value) && ["invalid_type", "too_small", "invalid_value", "invalid_format"].includes(issue.code);
  // An empty field is "required", unless the schema says what to give ("say why no notice
  // is required", "choose an area"); a bare length rule says less than "required".
  const saysMore = isOwnWords(issue.message) && issue.message !== "is required" && !/^(must be )?at least\b/.test(issue.message);
  if (missing && !saysMore) return `${label} is required`;
  // Which field an unknown key sits in matters more than the (object) value.
  const choice = typeof value === "string" ? s?.choices?.[value] : undefined;
  const shown = issue.code === "unrecognized_keys" ? "" : choice ? ` "${choice}"` : showValue(value);
  return sentence(label, shown, predicate(issue, value, s));
}

/** Every issue as `{ "rules.1.when.confidenceBelow": "Rule 2: Confidence below 1.5 must be at most 1" }`; the first per field wins. */
export function fieldErrorsInWords(issues: readonly Issue[], input: unknown, specs: FieldSpecs = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    if (!out[key]) out[key] = issueInWords(issue, input, specs);
  }
  return out;
}
