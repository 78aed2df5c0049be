"use client";
// Short confirmations after a successful action (docs/decisions/016-toasts.md). One live
// region (role=status, polite) for the whole app, mounted by the root layout; forms toast
// through FormMessage, redirects through the flash cookie (lib/forms/flash.ts). Without
// JS nothing here runs and the inline confirmation next to the form is what people see.
import { createContext, Suspense, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { FLASH_COOKIE, FLASH_MAX_AGE, readFlash } from "@/lib/forms/flash";

type Toast = { id: number; message: string };
type Toaster = { toast: (message: string) => void };

const ToastContext = createContext<Toaster | null>(null);

/** The app's toaster, or null outside the provider (then the inline confirmation carries the message alone). */
export function useToaster(): Toaster | null {
  return useContext(ToastContext);
}

/** How long a toast stays, unless the pointer or focus is on it. */
export const TOAST_MS = 8000;
const MAX_SHOWN = 3;
/** How often the flash cookie is looked for after a submit (reading document.cookie is cheap). */
const FLASH_POLL_MS = 200;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const toast = useCallback((message: string) => {
    const id = ++next.current;
    // The same message twice in a row (a form and its redirect) is shown once.
    setToasts((ts) => (ts.at(-1)?.message === message ? ts : [...ts, { id, message }].slice(-MAX_SHOWN)));
  }, []);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const [value] = useState(() => ({ toast }));
  return (
    <ToastContext.Provider value={value}>
      {children}
      {/* useSearchParams needs a boundary; the reader renders nothing. */}
      <Suspense fallback={null}>
        <FlashReader toast={toast} />
      </Suspense>
      {/* Always in the DOM, so assistive technology is watching it before a message arrives. */}
      <div role="status" aria-live="polite" aria-label="Notifications" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
        {toasts.map((t) => <ToastItem key={t.id} toast={t} onDismiss={dismiss} />)}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [held, toast.id, onDismiss]);
  return (
    <div
      className="toast pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg ring-1 ring-slate-700"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="flex-1" data-testid="toast">{toast.message}</span>
      <button type="button" onClick={() => onDismiss(toast.id)} className="-my-1 rounded px-1.5 py-1 text-slate-300 hover:bg-slate-800 hover:text-white" aria-label="Dismiss notification">
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/**
 * Shows the flash cookie left by a redirecting action, once, on the page it led to. Read on
 * every change of path or query (a redirect to the same path, "/admin/webhooks?removed=1",
 * changes only the query), and after every form submit until the cookie comes or its
 * lifetime is over: a redirect back to the very address the form was on changes neither,
 * and the form that was sent may be gone from the page (its row was deleted), so neither
 * the router nor the form can say when it arrived.
 */
function FlashReader({ toast }: { toast: (message: string) => void }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const show = useCallback(() => {
    const message = readFlash(document.cookie);
    if (!message) return false;
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/; SameSite=Lax`;
    toast(message);
    return true;
  }, [toast]);
  useEffect(() => {
    show();
  }, [pathname, query, show]);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const watch = () => {
      clearInterval(timer);
      const until = Date.now() + FLASH_MAX_AGE * 1000;
      timer = setInterval(() => {
        if (show() || Date.now() > until) clearInterval(timer);
      }, FLASH_POLL_MS);
    };
    document.addEventListener("submit", watch, true);
    return () => {
      document.removeEventListener("submit", watch, true);
      clearInterval(timer);
    };
  }, [show]);
  return null;
}

/** Toasts a successful result's message once per result. */
export function useToastOnSuccess(state: { ok: boolean; message?: string } | null | undefined): boolean {
  const toaster = useToaster();
  useEffect(() => {
    if (toaster && state?.ok && state.message) toaster.toast(state.message);
  }, [toaster, state]);
  return toaster !== null;
}
