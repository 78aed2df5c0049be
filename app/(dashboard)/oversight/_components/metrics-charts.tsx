"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type PerDay = { day: string; autoAccepted: number; reviewed: number };
type Override = { model: string; decided: number; overridden: number; rate: number };

export function DecisionsPerDayChart({ data }: { data: PerDay[] }) {
  return (
    <div className="h-64" role="img" aria-label="Decisions per day, auto-accepted and sent to human review">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.map((d) => ({ ...d, day: d.day.slice(5) }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          <Bar dataKey="reviewed" name="Human review" stackId="a" fill="#4f46e5" />
          <Bar dataKey="autoAccepted" name="Auto-accepted" stackId="a" fill="#cbd5e1" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function OverrideRateChart({ data }: { data: Override[] }) {
  return (
    <div className="h-64" role="img" aria-label="Override rate per model version">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.map((d) => ({ ...d, percent: Math.round(d.rate * 1000) / 10 }))} layout="vertical" margin={{ left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" unit="%" domain={[0, 100]} fontSize={11} />
          <YAxis type="category" dataKey="model" width={140} fontSize={11} />
          <Tooltip formatter={(v) => `${v}%`} />
          <Bar dataKey="percent" name="Overridden" fill="#d97706" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
