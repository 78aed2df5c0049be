"use client";
// A form's result message. A refusal stays next to the form (role=alert). A success is a
// toast once the page is interactive (docs/decisions/016-toasts.md); before hydration, or
// with JS off, it is the inline confirmation, so the page still says what happened.
import { useEffect, useSyncExternalStore } from "react";
import { useToaster } from "./toast";

const noop = () => () => {};
/** True in the browser after hydration; false on the server and in the first client render. */
export const useHydrated = () => useSyncExternalStore(noop, () => true, () => false);

type State = { ok: boolean; message?: string } | null | undefined;

/**
 * `toast={false}` keeps a success inline: use it where the message is the answer itself
 * (a preview, a search, a check) rather than a confirmation that something was done.
 */
export function FormMessage({ state, toast = true }: { state: State; toast?: boolean }) {
  const toaster = useToaster();
  const hydrated = useHydrated();
  const toasted = toast && !!state?.ok && !!state.message && !!toaster && hydrated;
  useEffect(() => {
    if (toasted && state?.message) toaster?.toast(state.message);
  }, [toasted, state, toaster]);
  if (!state?.message || toasted) return null;
  return (
    <p role={state.ok ? "status" : "alert"} data-testid="form-message" className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
      {state.message}
    </p>
  );
}

/** A confirmation rendered by the server after a redirect (`?saved=1`): inline without JS; with JS the flash toast says it. */
export function InlineConfirmation({ children }: { children: string }) {
  const hydrated = useHydrated();
  const toaster = useToaster();
  if (hydrated && toaster) return null;
  return <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{children}</p>;
}
