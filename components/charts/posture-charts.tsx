"use client";
// Charts are fed by server-side aggregates; each has a table alternative and a CSV
// export next to it (rendered by the page), so nothing here is the only way to read data.
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { fromWire, type WirePoint } from "@/lib/posture/history";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ScorePoint = { day: string; seeded: boolean; overall?: number | null; inventory?: number | null; consent?: number | null; breaches?: number | null; oversight?: number | null; security?: number | null };

const LINES = [
  { key: "overall", label: "Overall", color: "#4f46e5", width: 3 },
  { key: "inventory", label: "Data inventory", color: "#0891b2", width: 1.5 },
  { key: "consent", label: "Consent", color: "#16a34a", width: 1.5 },
  { key: "breaches", label: "Breaches", color: "#dc2626", width: 1.5 },
  { key: "oversight", label: "Human oversight", color: "#d97706", width: 1.5 },
  { key: "security", label: "Security", color: "#7c3aed", width: 1.5 },
] as const;

export function PostureOverTimeChart({ series, drillHref }: { series: WirePoint[]; drillHref: string }) {
  const router = useRouter();
  const points: ScorePoint[] = useMemo(() => fromWire(series), [series]);
  // Shade the seeded (generated) stretch so it is never read as measurements.
  const seeded = points.filter((p) => p.seeded);
  return (
    <div className="h-72 w-full" role="img" aria-label="Posture score over time, overall and per area (the table below has the same data)">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
          onClick={(e) => {
            // Drill-down: the controls behind the score (the current state; a past day's
            // control statuses are not kept per day).
            if (e && e.activeLabel) router.push(drillHref);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={32} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => (v === null || v === undefined ? "n/a" : `${v}`)} labelFormatter={(l, p) => `${l}${p?.[0]?.payload?.seeded ? " (seeded demo history)" : ""}`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {seeded.length > 0 && (
            <ReferenceArea x1={seeded[0]!.day} x2={seeded.at(-1)!.day} fill="#fef3c7" fillOpacity={0.5} label={{ value: "seeded demo history", position: "insideTopLeft", fontSize: 11, fill: "#92400e" }} />
          )}
          {LINES.map((l) => (
            <Line key={l.key} type="monotone" dataKey={l.key} name={l.label} stroke={l.color} strokeWidth={l.width} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export type StatusRow = { area: string; label: string; satisfied: number; partial: number; not_satisfied: number; not_reviewed: number; not_applicable: number };
const STATUS_BARS = [
  { key: "satisfied", label: "Satisfied", color: "#16a34a" },
  { key: "partial", label: "Partially satisfied", color: "#f59e0b" },
  { key: "not_satisfied", label: "Not satisfied", color: "#dc2626" },
  { key: "not_reviewed", label: "Not reviewed", color: "#94a3b8" },
  { key: "not_applicable", label: "Not applicable", color: "#cbd5e1" },
] as const;

export function ControlsByStatusChart({ rows }: { rows: StatusRow[] }) {
  const router = useRouter();
  return (
    <div className="h-64 w-full" role="img" aria-label="Controls by status per area (the table below has the same data; click a bar to open those controls)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {STATUS_BARS.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="a"
              fill={s.color}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(d) => {
                const area = (d as unknown as { payload?: StatusRow }).payload?.area;
                if (area) router.push(`/posture/controls?area=${area}&status=${s.key}`);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
