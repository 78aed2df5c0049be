"use client";
// Home dashboard charts, fed by the server aggregates in lib/server/{breaches,oversight,
// consent}. Each is shown with a table alternative and a CSV link (ChartPanel), so the
// chart is never the only way to read the data. Clicking an element opens the records.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DUE_BUCKET_LABELS, DUE_BUCKETS, type DueBucket } from "@/lib/dashboard/series";

const DUE_COLORS: Record<DueBucket, string> = {
  overdue: "#dc2626",
  next_24h: "#f97316",
  next_7d: "#f59e0b",
  next_30d: "#0891b2",
  later: "#64748b",
  no_deadline: "#cbd5e1",
};

export type DueChartRow = { regime: string } & Record<DueBucket, number>;

/** `hrefs[regime|bucket]` is where a bar segment leads (the incident, or the incident list). */
export function ObligationsByDueChart({ rows, hrefs }: { rows: DueChartRow[]; hrefs: Record<string, string> }) {
  const router = useRouter();
  return (
    <div className="h-64 w-full" role="img" aria-label="Open breach notification obligations by due date, per regime (the table below has the same data; click a bar to open the incidents)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="regime" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {DUE_BUCKETS.map((b) => (
            <Bar
              key={b}
              dataKey={b}
              name={DUE_BUCKET_LABELS[b]}
              stackId="due"
              fill={DUE_COLORS[b]}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(d) => {
                const regime = (d as unknown as { payload?: DueChartRow }).payload?.regime;
                const href = regime ? hrefs[`${regime}|${b}`] : undefined;
                if (href) router.push(href);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type PendingPoint = { day: string; pending: number; slaBreaches: number; newForReview: number };

export function DecisionsPendingChart({ points, drillHref }: { points: PendingPoint[]; drillHref: string }) {
  const router = useRouter();
  return (
    <div className="h-64 w-full" role="img" aria-label="Decisions pending human review and SLA breaches per day (the table below has the same data; click to open the reviewer inbox)">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }} onClick={(e) => { if (e && e.activeLabel) router.push(drillHref); }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={32} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="pending" name="Pending review (end of day)" stroke="#d97706" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="newForReview" name="Sent for review" stroke="#4f46e5" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="slaBreaches" name="SLA breaches" stroke="#dc2626" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export type ConsentPoint = { day: string; grants: number; withdrawals: number; optOuts: number };

export function ConsentTrendChart({ points, drillHref }: { points: ConsentPoint[]; drillHref: string }) {
  const router = useRouter();
  return (
    <div className="h-64 w-full" role="img" aria-label="Consent grants against withdrawals and opt-outs per day (the table below has the same data; click to open the consent ledger)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }} onClick={(e) => { if (e && e.activeLabel) router.push(drillHref); }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={32} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="grants" name="Grants / opt-ins" fill="#16a34a" cursor="pointer" isAnimationActive={false} />
          <Bar dataKey="withdrawals" name="Withdrawals" stackId="no" fill="#dc2626" cursor="pointer" isAnimationActive={false} />
          <Bar dataKey="optOuts" name="Opt-outs (incl. GPC)" stackId="no" fill="#f59e0b" cursor="pointer" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
