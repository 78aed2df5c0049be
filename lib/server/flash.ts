import "server-only";
// Sets the confirmation toast for the page a server action redirects to
// (docs/decisions/016-toasts.md). Not httpOnly: the toaster reads and clears it in the
// browser; it holds only our own confirmation text (nothing secret), shown as text.
import { cookies } from "next/headers";
import { flashText, FLASH_COOKIE, FLASH_MAX_AGE } from "@/lib/forms/flash";

export async function flash(message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, flashText(message), { path: "/", maxAge: FLASH_MAX_AGE, sameSite: "lax", httpOnly: false });
}

/**
 * A one-button form's success also as a flash: the button's row may be gone once the page
 * re-renders (a revoked key, an unmapped control), and its own result with it; the toaster
 * picks the cookie up after the submit (components/ui/toast.tsx). Shown once if both arrive.
 */
export async function flashResult<T extends { ok: boolean; message?: string }>(result: T): Promise<T> {
  if (result.ok && result.message) await flash(result.message);
  return result;
}
