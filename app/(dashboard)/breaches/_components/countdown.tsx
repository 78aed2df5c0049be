"use client";
import { useEffect, useState } from "react";
import { formatCountdown, urgency } from "@/lib/breaches/reconcile";

const TONE = {
  overdue: "bg-red-50 text-red-700 ring-red-200",
  due_soon: "bg-amber-50 text-amber-800 ring-amber-200",
  pending: "bg-slate-100 text-slate-700 ring-slate-200",
  done: "bg-emerald-50 text-emerald-700 ring-emerald-200",
} as const;

/** A live countdown to a deadline; server-rendered with the request's clock, then ticks each 30 s. */
export function Countdown({ dueAt, renderedAt, status = "open", sentAt = null }: { dueAt: string; renderedAt: number; status?: string; sentAt?: string | null }) {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const u = urgency({ status, sentAt, dueAt }, now);
  return (
    <span data-testid="countdown" data-urgency={u} className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[u]}`}>
      {formatCountdown(dueAt, now)}
    </span>
  );
}
