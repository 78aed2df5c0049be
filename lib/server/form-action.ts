import "server-only";
// The server half of the one form pattern, for actions whose form maps onto an API schema
// (docs/decisions/012-one-form-pattern.md): permission first (deny by default, and no
// validation hints for people who may not write), then the API's zod schema with errors
// in words and the submitted values, then the one lib/server write (which checks again).
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import type { Permission } from "@/lib/auth/permissions";
import { formError, validateForm, type FormValues } from "@/lib/forms/form-result";
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
