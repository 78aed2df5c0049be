"use client";
import { useEffect, useState } from "react";
import { utcStamp } from "@/lib/time/format";

function format(ms: number) {
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const text = h >= 48 ? `${Math.floor(h / 24)}d ${h % 24}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
  return ms < 0 ? `overdue by ${text}` : `${text} left`;
}

/** The time left before a decision's SLA runs out, refreshed every 30 seconds. */
export function SlaCountdown({ dueAt, serverNow }: { dueAt: string | null; serverNow: string }) {
  const [now, setNow] = useState(() => new Date(serverNow).getTime());
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  if (!dueAt) return <span className="text-slate-500">no SLA</span>;
  const ms = new Date(dueAt).getTime() - now;
  const tone = ms < 0 ? "text-red-700 font-semibold" : ms < 3_600_000 ? "text-amber-700 font-medium" : "text-slate-700";
  return (
    <time dateTime={dueAt} title={utcStamp(dueAt)} className={tone}>
      {format(ms)}
    </time>
  );
}
