import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsInWords, humanise, issueInWords, labelFor } from "@/lib/forms/issue-words";
import { createPurposeSchema } from "@/lib/validation/consent";
import { putPolicySchema } from "@/lib/validation/oversight";

const words = (schema: z.ZodType, input: unknown, specs = {}) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a refusal");
  return fieldErrorsInWords(r.error.issues, input, specs);
};

describe("zod issues in the user's words", () => {
  it("names the field by its label with the value typed, using the field's own format sentence", () => {
    const specs = { key: { label: "Purpose key", format: "may use only lowercase letters, digits and _ (e.g. marketing_email)" }, title: "Title", lawfulBasis: "Lawful basis" };
    const e = words(createPurposeSchema, { key: "Marketing Email!", title: "", lawfulBasis: "whim" }, specs);
    expect(e.key).toBe('Purpose key "Marketing Email!" may use only lowercase letters, digits and _ (e.g. marketing_email)');
    expect(e.title).toBe("Title is required");
    expect(e.lawfulBasis).toMatch(/^Lawful basis "whim" must be one of "consent", "contract"/);
  });

  it("keeps a schema's own predicate message and completes it with label and value", () => {
    const schema = z.object({ sha: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex (64 characters)") });
    expect(words(schema, { sha: "abc" }, { sha: "Artifact SHA-256" }).sha).toBe('Artifact SHA-256 "abc" must be a SHA-256 in hex (64 characters)');
  });

  it("replaces zod's default wording for numbers, lengths, types and choices", () => {
    const schema = z.object({ n: z.number().int().min(1).max(10), p: z.number().positive(), s: z.string().max(3), c: z.enum(["a", "b"]), t: z.number() });
    const e = words(schema, { n: 11, p: 0, s: "abcdef", c: "z", t: "lots" }, { n: "Approvals", p: "SLA (hours)", s: "Code", c: { label: "Choice", choices: { a: "Alpha", b: "Beta" } }, t: "Total" });
    expect(e).toEqual({
      n: "Approvals 11 must be at most 10",
      p: "SLA (hours) 0 must be more than 0",
      s: 'Code "abcdef" must be at most 3 characters (it has 6)',
      c: 'Choice "z" must be one of Alpha, Beta',
      t: 'Total "lots" must be a number',
    });
    expect(words(z.object({ n: z.number().int() }), { n: 1.5 }, { n: "Approvals" }).n).toBe("Approvals 1.5 must be a whole number");
  });

  it("says a missing field is required, without quoting nothing", () => {
    expect(words(z.object({ name: z.string().trim().min(1, "is required") }), { name: "  " }, { name: "Name" }).name).toBe("Name is required");
    expect(words(z.object({ name: z.string() }), {}, { name: "Name" }).name).toBe("Name is required");
  });

  it("names list items and rows in words, never as `dataCategories.2`", () => {
    const schema = z.object({ dataCategories: z.array(z.enum(["email", "name"])) });
    expect(words(schema, { dataCategories: ["email", "name", "shoe size"] }, { dataCategories: "Data categories" })["dataCategories.2"]).toBe('Data categories, item 3 "shoe size" must be one of "email", "name"');
    expect(labelFor(["volumeBand"], {}).label).toBe("Volume band");
    expect(humanise("data_categories")).toBe("Data categories");
  });

  it("words an escalation policy row by row: rule number, condition label, value", () => {
    const specs = { "rules.*": "Rule", "rules.*.when": "Conditions", "rules.*.when.confidenceBelow": "Confidence below", "rules.*.approvals": "Approvals", "rules.*.action": "Action" };
    const input = { rules: [{ when: {}, action: "review" }, { when: { confidenceBelow: 1.5, colour: "red" }, action: "review", approvals: 0 }] };
    const e = words(putPolicySchema, input, specs);
    expect(e["rules.1.when.confidenceBelow"]).toBe("Rule 2: Confidence below 1.5 must be at most 1");
    expect(e["rules.1.approvals"]).toBe("Rule 2: Approvals 0 must be at least 1");
    expect(e["rules.1.when"]).toBe('Rule 2: Conditions has a field this form does not know: "colour"');
  });

  it("an instruction from the schema follows a colon; a missing value is still just required", () => {
    const schema = z.object({ id: z.string().regex(/^[A-Z]+$/, "use capital letters, e.g. ORG"), title: z.string().min(3, "at least 3 characters") });
    expect(words(schema, { id: "x y", title: "ab" }, { id: "Id", title: "Title" })).toEqual({ id: 'Id "x y": use capital letters, e.g. ORG', title: 'Title "ab": at least 3 characters' });
    expect(words(schema, { id: "A", title: "" }, { title: "Title" }).title).toBe("Title is required");
  });

  it("a custom refinement keeps its message, prefixed by the label", () => {
    const schema = z.object({ a: z.string() }).superRefine((_, ctx) => ctx.addIssue({ code: "custom", path: ["a"], message: "cannot be used with b" }));
    const r = schema.safeParse({ a: "x" });
    expect(issueInWords(r.error!.issues[0]!, { a: "x" }, { a: "Field A" })).toBe('Field A "x" cannot be used with b');
  });
});
