// The shape every server action returns to its form, and the one place that turns a
// thrown error into it. Unknown errors become a generic sentence; details stay in the log.
import { BUSY_MESSAGE, isAppError, isTransientDbError, isUniqueViolation, UNIQUE_CONFLICT_MESSAGE } from "@/lib/errors";
import { assertSafeForm } from "@/lib/validation/safe-input";

export type ActionResult<T = undefined> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, sent back on a refusal so the form re-renders with it (lib/forms/form-result.ts). */
  values?: Record<string, string>;
  data?: T;
};

export function actionError(e: unknown): ActionResult<never> {
  if (isAppError(e)) {
    const fieldErrors: Record<string, string> = {};
    if (Array.isArray(e.details)) {
      for (const d of e.details as { path?: string; message?: string }[]) {
        if (d.path && d.message && !fieldErrors[d.path]) fieldErrors[d.path] = d.message;
      }
    }
    return { ok: false, message: e.message, fieldErrors };
  }
  // A race that a write did not map itself: the person's conflict, not "something went wrong".
  if (isUniqueViolation(e)) return { ok: false, message: UNIQUE_CONFLICT_MESSAGE };
  // The database gave up (timeout, deadlock): rolled back, so "try again" is the truth.
  if (isTransientDbError(e)) {
    console.error("server action: database busy", e);
    return { ok: false, message: BUSY_MESSAGE };
  }
  // Next's redirect()/notFound() signal by throwing; let them through.
  if (e && typeof e === "object" && "digest" in e && typeof (e as { digest: unknown }).digest === "string" && (e as { digest: string }).digest.startsWith("NEXT_")) throw e;
  console.error("server action failed", e);
  return { ok: false, message: "Something went wrong on our side. Try again; if it keeps failing, tell an admin." };
}

/**
 * Every action's first step: form text with a NUL or a lone surrogate is refused naming
 * the field (it would otherwise fail deep in the database driver as a 500).
 */
export function unsafeForm(form: FormData): ActionResult<never> | null {
  try {
    assertSafeForm(form);
    return null;
  } catch (e) {
    return actionError(e);
  }
}
