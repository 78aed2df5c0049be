import "server-only";
// The process's metrics (docs/decisions/008). One registry per process, kept on globalThis
// so every route bundle that imports this module counts into the same one. Per-instance
// numbers: Prometheus sums instances itself.
import { Registry, renderGauges, routeTemplate, statusClass } from "@/lib/metrics/registry";
import { latestHead, unsealedTail } from "@/lib/server/audit/tree-store";
import { db } from "@/lib/server/db";

const g = globalThis as unknown as { __appMetrics?: Registry };
const registry = () => (g.__appMetrics ??= new Registry());

export function recordRequest(method: string, pathname: string, params: Record<string, unknown>, status: number, seconds: number) {
  const route = routeTemplate(pathname, params);
  registry().inc("http_requests_total", "API requests by method, route template and status class", { method, route, status: statusClass(status) });
  registry().observe("http_request_duration_seconds", "API request latency by method and route template", { method, route }, seconds);
}

export function recordConsentEvents(outcome: "accepted" | "rejected", n: number) {
  if (n > 0) registry().inc("consent_events_total", "Consent events received by the ingest API, by outcome", { outcome }, n);
}

export function recordJobRun(job: string, ok: boolean, at = Date.now()) {
  registry().inc("job_runs_total", "Background job runs started on this instance", { job });
  if (!ok) registry().inc("job_failures_total", "Background job runs that failed", { job });
  else registry().set("job_last_success_timestamp_seconds", "Unix time of the job's last successful run on this instance", { job }, at / 1000);
}

export async function renderMetrics(now = Date.now()): Promise<string> {
  const [tail, head] = await Promise.all([unsealedTail(db()), latestHead(db())]);
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage();
  const gauges = renderGauges([
    { name: "audit_unsealed_events", help: "Audit events committed but not yet sealed into the signed tree", value: tail.count },
    { name: "audit_oldest_unsealed_age_seconds", help: "Age of the oldest unsealed audit event (0 when none)", value: tail.oldestAt ? (now - tail.oldestAt.getTime()) / 1000 : 0 },
    { name: "audit_newest_head_age_seconds", help: "Age of the newest signed tree head (-1 when none)", value: head ? (now - head.timestamp) / 1000 : -1 },
    { name: "audit_sealed_events", help: "Tree size of the newest signed head", value: head?.treeSize ?? 0 },
    { name: "process_resident_memory_bytes", help: "Resident memory", value: mem.rss },
    { name: "process_heap_used_bytes", help: "V8 heap in use", value: mem.heapUsed },
    { name: "process_cpu_seconds_total", help: "User and system CPU time", value: (cpu.user + cpu.system) / 1e6 },
    { name: "process_start_time_seconds", help: "Unix time the process started", value: Math.round(now / 1000 - process.uptime()) },
  ]);
  return registry().render({ job_last_success_timestamp_seconds: "gauge" }) + gauges;
}
