// A tiny in-process metrics registry and the Prometheus text format 0.0.4 writer
// (docs/decisions/008). Counters and histograms keyed by label values; no package needed.

export type Labels = Record<string, string>;
type Series = { labels: Labels; value: number };
type HistSeries = { labels: Labels; buckets: number[]; sum: number; count: number };

export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

export class Registry {
  private counters = new Map<string, { help: string; series: Map<string, Series> }>();
  private histograms = new Map<string, { help: string; bounds: number[]; series: Map<string, HistSeries> }>();

  inc(name: string, help: string, labels: Labels = {}, by = 1) {
    const c = this.counters.get(name) ?? { help, series: new Map() };
    this.counters.set(name, c);
    const k = keyOf(labels);
    const s = c.series.get(k) ?? { labels, value: 0 };
    s.value += by;
    c.series.set(k, s);
  }

  /** A counter-like value that is set, not added (a last-success timestamp). */
  set(name: string, help: string, labels: Labels, value: number) {
    this.inc(name, help, labels, 0);
    this.counters.get(name)!.series.get(keyOf(labels))!.value = value;
  }

  observe(name: string, help: string, labels: Labels, value: number, bounds = LATENCY_BUCKETS) {
    const h = this.histograms.get(name) ?? { help, bounds, series: new Map() };
    this.histograms.set(name, h);
    const k = keyOf(labels);
    const s = h.series.get(k) ?? { labels, buckets: bounds.map(() => 0), sum: 0, count: 0 };
    h.bounds.forEach((b, i) => {
      if (value <= b) s.buckets[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
    h.series.set(k, s);
  }

  render(types: Record<string, "counter" | "gauge"> = {}): string {
    const out: string[] = [];
    for (const [name, c] of [...this.counters].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`# HELP ${name} ${escapeHelp(c.help)}`, `# TYPE ${name} ${types[name] ?? "counter"}`);
      for (const s of c.series.values()) out.push(`${name}${labelText(s.labels)} ${num(s.value)}`);
    }
    for (const [name, h] of [...this.histograms].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`# HELP ${name} ${escapeHelp(h.help)}`, `# TYPE ${name} histogram`);
      for (const s of h.series.values()) {
        h.bounds.forEach((b, i) => out.push(`${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.buckets[i]}`));
        out.push(`${name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.count}`, `${name}_sum${labelText(s.labels)} ${num(s.sum)}`, `${name}_count${labelText(s.labels)} ${s.count}`);
      }
    }
    return out.join("\n") + "\n";
  }
}

/** Gauges computed at scrape time (they are not kept in the registry). */
export function renderGauges(gauges: { name: string; help: string; value: number; labels?: Labels }[]): string {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const g of gauges) {
    if (!seen.has(g.name)) out.push(`# HELP ${g.name} ${escapeHelp(g.help)}`, `# TYPE ${g.name} gauge`);
    seen.add(g.name);
    out.push(`${g.name}${labelText(g.labels ?? {})} ${num(g.value)}`);
  }
  return out.length ? out.join("\n") + "\n" : "";
}

function num(v: number) {
  return Number.isFinite(v) ? String(v) : v > 0 ? "+Inf" : v < 0 ? "-Inf" : "NaN";
}
const escapeHelp = (s: string) => s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
const escapeValue = (s: string) => s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
function labelText(labels: Labels) {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeValue(v)}"`).join(",")}}` : "";
}

/** The route template of a concrete path: each path parameter's value becomes {name}. */
export function routeTemplate(pathname: string, params: Record<string, unknown>): string {
  const byValue = new Map<string, string>();
  for (const [name, v] of Object.entries(params)) if (typeof v === "string") byValue.set(v, name);
  return pathname
    .split("/")
    .map((seg) => {
      let decoded = seg;
      try {
        decoded = decodeURIComponent(seg);
      } catch {}
      const name = byValue.get(decoded);
      return name ? `{${name}}` : seg;
    })
    .join("/");
}

export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;
