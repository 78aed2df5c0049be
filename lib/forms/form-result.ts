// The server half of the one form pattern (docs/decisions/012-one-form-pattern.md): a
// refused submit answers with the submitted values (React resets a form after its
// action, so the form must re-render from them) and with field errors in words.
import type { z } from "zod";
import { actionError, type ActionResult } from "@/lib/action-result";
import { isAppError } from "@/lib/errors";
import { fieldErrorsInWords, labelFor, sentence, showValue, valueAt, type FieldSpecs } from "@/lib/forms/issue-words";

export type FormValues = Record<string, string>;

export const CHECK_FIELDS = "Check the highlighted fields.";

/**
 * The form's text entries by name, to send back on a refusal. Files are left out, and so
 * is every name in `omit` (passwords, secrets: never echo them into the page).
 */
export function formValues(form: FormData, omit: readonly string[] = []): FormValues {
  const out: FormValues = {};
  for (const [name, v] of form.entries()) {
    if (typeof v !== "string" || omit.includes(name) || name.startsWith("$ACTION")) continue;
    out[name] = name in out ? `${out[name]}\n${v}` : v;
  }
  return out;
}

/** A refusal that keeps what was typed. */
export function refused(values: FormValues, fieldErrors: Record<string, string>, message = CHECK_FIELDS): ActionResult<never> {
  return { ok: false, message, fieldErrors, values };
}

/**
 * Validates `input` (built from the form) with the same schema the API uses. On failure
 * the result names each bad field by its label with the value typed.
 */
export function validateForm<S extends z.ZodType>(schema: S, input: unknown, values: FormValues, specs: FieldSpecs): { ok: true; data: z.infer<S> } | { ok: false; result: ActionResult<never> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, result: refused(values, fieldErrorsInWords(parsed.error.issues, input, specs)) };
}

/**
 * actionError for a form: the same mapping, plus the submitted values; a lib/server schema
 * refusal is worded from its zod issues, other validation details ({ path, message }) with
 * the field's label and the value typed. `field` places a refusal that names no field.
 */
export function formError(e: unknown, values: FormValues, specs: FieldSpecs = {}, field?: string): ActionResult<never> {
  const result = actionError(e);
  // A refusal that names no field ("That code does not match…") belongs next to `field`.
  if (field && isAppError(e) && e.code === "VALIDATION" && !e.validation && Object.keys(result.fieldErrors ?? {}).length === 0) {
    return { ...result, message: CHECK_FIELDS, fieldErrors: { [field]: e.message }, values };
  }
  if (isAppError(e) && e.code === "VALIDATION" && e.validation) {
    result.fieldErrors = fieldErrorsInWords(e.validation.issues as z.core.$ZodIssue[], e.validation.input, specs);
  } else if (isAppError(e) && e.code === "VALIDATION" && result.fieldErrors) {
    for (const [path, message] of Object.entries(result.fieldErrors)) {
      const parts = path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const { label } = labelFor(parts, specs);
      // A form may name its inputs by the API's path ("dpo.email"), so look the flat name up first.
      result.fieldErrors[path] = sentence(label, showValue(values[path] ?? valueAt(values, parts)), /^[a-z]/.test(message) ? message : "is not valid");
    }
  }
  return { ...result, values };
}

/**
 * A number input's value for the schema: empty is `empty` (null or undefined), a number is
 * a number, anything else stays the text typed so the refusal can quote it.
 */
export function numberField<E extends null | undefined>(v: FormDataEntryValue | null | undefined, empty: E): number | string | E {
  if (typeof v !== "string" || v.trim() === "") return empty;
  const n = Number(v);
  return Number.isFinite(n) ? n : v.trim();
}
