import "server-only";
// The server half of the one form pattern, for actions whose form maps onto an API schema
// (docs/decisions/012-one-form-pattern.md): permission first (deny by default, and no
// validation hints for people who may not write), then the API's zod schema with errors
// in words and the submitted values, then the one lib/server write (which checks again).
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { actionError, type ActionResult } from "@/lib/action-result";
import type { Permission } from "@/lib/auth/permissions";
import { formError, formValues, validateForm, type FormValues } from "@/lib/forms/form-result";
import type { FieldSpecs } from "@/lib/forms/issue-words";
import type { Actor } from "@/lib/server/actor";
import { requirePermission } from "@/lib/server/authz";

export type FormWrite<S extends z.ZodType, T> = {
  actor: Actor;
  permission: Permission;
  entity: { type: string; id?: string };
  schema: S;
  /** The form turned into the API's input shape (numbers as numbers, ticks as booleans). */
  input: unknown;
  values: FormValues;
  specs: FieldSpecs;
  write: (input: unknown) => Promise<T>;
  message: (r: T) => string;
  paths?: string[];
};

export async function runFormWrite<S extends z.ZodType, T>(w: FormWrite<S, T>): Promise<ActionResult<T>> {
  try {
    await requirePermission(w.actor, w.permission, w.entity);
    const checked = validateForm(w.schema, w.input, w.values, w.specs);
    if (!checked.ok) return checked.result;
    const r = await w.write(w.input);
    for (const p of w.paths ?? []) revalidatePath(p, "layout");
    return { ok: true, message: w.message(r), data: r };
  } catch (e) {
    return formError(e, w.values, w.specs);
  }
}

export type FormOf = {
  data: FormData;
  specs: FieldSpecs;
  /** Never sent back: passwords, codes, secrets. */
  omit?: readonly string[];
  /** Where a refusal that names no field is shown. */
  field?: string;
};

/**
 * For an action whose lib/server write checks permission and validates on its own: run it,
 * revalidate `paths`, and word a refusal with the form's labels, sending back what was typed
 * (but nothing in `omit`).
 */
export async function runFormAction<T>(write: () => Promise<T>, message: (r: T) => string, paths: readonly string[], form?: FormOf): Promise<ActionResult<T>> {
  try {
    const r = await write();
    for (const p of paths) revalidatePath(p);
    return { ok: true, message: message(r), data: r };
  } catch (e) {
    return form ? formError(e, formValues(form.data, form.omit), form.specs, form.field) : actionError(e);
  }
}
