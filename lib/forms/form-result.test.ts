import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, validationError } from "@/lib/errors";
import { formError, formValues, numberField, validateForm } from "@/lib/forms/form-result";

describe("form results (server half of the form pattern)", () => {
  it("collects the submitted text, leaving out files, secrets and Next's action fields", () => {
    const f = new FormData();
    f.set("name", "Scorer");
    f.set("password", "hunter2-hunter2");
    f.set("$ACTION_ID_abc", "");
    f.set("upload", new File(["x"], "a.txt"));
    f.append("tag", "a");
    f.append("tag", "b");
    expect(formValues(f, ["password"])).toEqual({ name: "Scorer", tag: "a\nb" });
  });

  it("keeps a non-number as typed so it can be quoted", () => {
    expect(numberField("12", null)).toBe(12);
    expect(numberField(" ", null)).toBeNull();
    expect(numberField(null, undefined)).toBeUndefined();
    expect(numberField("twelve", null)).toBe("twelve");
  });

  it("validateForm answers with worded errors and the values", () => {
    const r = validateForm(z.object({ days: z.number().int().min(1) }), { days: 0 }, { days: "0" }, { days: "Retention (days)" });
    expect(r).toEqual({ ok: false, result: { ok: false, message: "Check the highlighted fields.", fieldErrors: { days: "Retention (days) 0 must be at least 1" }, values: { days: "0" } } });
  });

  it("formError words a lib/server schema refusal from its issues, and plain details with the label and value", () => {
    const schema = z.object({ title: z.string().min(3, "at least 3 characters") });
    const issues = schema.safeParse({ title: "ab" }).error!.issues;
    expect(formError(validationError("Check the highlighted fields.", issues, { title: "ab" }), { title: "ab" }, { title: "Title" }).fieldErrors).toEqual({ title: 'Title "ab": at least 3 characters' });
    const plain = new AppError("VALIDATION", "Refused.", [{ path: "files", message: "accepted: PDF, PNG" }, { path: "links.0", message: "Invalid URL" }]);
    expect(formError(plain, { files: "" }, { files: "Evidence files", "links.*": "Evidence link" }).fieldErrors).toEqual({ files: "Evidence files: accepted: PDF, PNG", "links.0": "Evidence link is not valid" });
    expect(formError(new AppError("NOT_FOUND", "No such AI system."), { a: "1" })).toEqual({ ok: false, message: "No such AI system.", fieldErrors: {}, values: { a: "1" } });
  });

  it("formError puts a refusal that names no field next to the given field, but not a server fault", () => {
    const wrong = formError(new AppError("VALIDATION", "That code does not match."), { name: "x" }, {}, "code");
    expect(wrong).toMatchObject({ ok: false, message: "Check the highlighted fields.", fieldErrors: { code: "That code does not match." }, values: { name: "x" } });
    const named = formError(new AppError("VALIDATION", "Check.", [{ path: "email", message: "must be an email" }]), {}, { email: "Email" }, "code");
    expect(named.fieldErrors).toEqual({ email: "Email must be an email" });
    const denied = formError(new AppError("FORBIDDEN", "You may not do this."), {}, {}, "code");
    expect(denied.fieldErrors).toEqual({});
    expect(denied.message).toBe("You may not do this.");
  });
});
