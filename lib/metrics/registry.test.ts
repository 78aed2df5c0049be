import { describe, expect, it } from "vitest";
import { Registry, renderGauges, routeTemplate, statusClass } from "@/lib/metrics/registry";

describe("metrics registry", () => {
  it("renders counters and histograms in the Prometheus text format", () => {
    const r = new Registry();
    r.inc("http_requests_total", "Requests", { method: "GET", route: "/api/v1/x", status: "2xx" });
    r.inc("http_requests_total", "Requests", { method: "GET", route: "/api/v1/x", status: "2xx" });
    r.observe("http_request_duration_seconds", "Latency", { method: "GET", route: "/api/v1/x" }, 0.02, [0.01, 0.05]);
    expect(r.render()).toBe(
      [
        "# HELP http_requests_total Requests",
        "# TYPE http_requests_total counter",
        'http_requests_total{method="GET",route="/api/v1/x",status="2xx"} 2',
        "# HELP http_request_duration_seconds Latency",
        "# TYPE http_request_duration_seconds histogram",
        'http_request_duration_seconds_bucket{method="GET",route="/api/v1/x",le="0.01"} 0',
        'http_request_duration_seconds_bucket{method="GET",route="/api/v1/x",le="0.05"} 1',
        'http_request_duration_seconds_bucket{method="GET",route="/api/v1/x",le="+Inf"} 1',
        'http_request_duration_seconds_sum{method="GET",route="/api/v1/x"} 0.02',
        'http_request_duration_seconds_count{method="GET",route="/api/v1/x"} 1',
        "",
      ].join("\n"),
    );
  });

  it("escapes label values and renders gauges once per name", () => {
    expect(renderGauges([{ name: "g", help: "a\nb", value: 1, labels: { x: 'q"\\' } }, { name: "g", help: "a", value: 2 }])).toBe('# HELP g a\\nb\n# TYPE g gauge\ng{x="q\\"\\\\"} 1\ng 2\n');
  });

  it.each([
    ["/api/v1/incidents/abc123", { id: "abc123" }, "/api/v1/incidents/{id}"],
    ["/api/v1/audit/events/42/proof", { seq: "42" }, "/api/v1/audit/events/{seq}/proof"],
    ["/api/v1/health", {}, "/api/v1/health"],
  ])("routeTemplate(%s)", (path, params, expected) => {
    expect(routeTemplate(path, params)).toBe(expected);
  });

  it("status classes", () => expect([200, 201, 404, 503].map(statusClass)).toEqual(["2xx", "2xx", "4xx", "5xx"]));
});
