import Link from "next/link";

export function Pagination({ basePath, params, page, pageSize, total }: { basePath: string; params: Record<string, string>; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...params, page: String(p) })}`;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>{total === 0 ? "No results" : `${from}–${to} of ${total}`}</span>
      <span className="flex items-center gap-3">
        {page > 1 ? <Link href={href(page - 1)} className="text-indigo-700 hover:underline">← Previous</Link> : <span className="text-slate-500">← Previous</span>}
        <span>Page {Math.min(page, pages)} of {pages}</span>
        {page < pages ? <Link href={href(page + 1)} className="text-indigo-700 hover:underline">Next →</Link> : <span className="text-slate-500">Next →</span>}
      </span>
    </nav>
  );
}

export function SortLink({ basePath, params, field, label }: { basePath: string; params: Record<string, string>; field: string; label: string }) {
  const active = (params.sort ?? "name") === field;
  const dir = active && (params.dir ?? "asc") === "asc" ? "desc" : "asc";
  const { page: _page, ...rest } = params;
  return (
    // aria-sort belongs to a column header, not a link: the state is said in words instead.
    <Link href={`${basePath}?${new URLSearchParams({ ...rest, sort: field, dir })}`} className="hover:underline">
      {label}
      {active && <span aria-hidden="true">{(params.dir ?? "asc") === "asc" ? " ▲" : " ▼"}</span>}
      {active && <span className="sr-only">{(params.dir ?? "asc") === "asc" ? " (sorted ascending)" : " (sorted descending)"}</span>}
    </Link>
  );
}

export function searchParamsRecord(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(sp)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
}

/**
 * A list page's filters and page number from its search parameters: the filters through the
 * list's own query schema. A bad filter shows the unfiltered list with `filtersInvalid` set,
 * rather than an error page.
 */
export function listQuery<Q>(params: Record<string, string>, schema: { safeParse(v: unknown): { success: true; data: Q } | { success: false }; parse(v: unknown): Q }, pageSize: number) {
  const { page: pageRaw, ...filters } = params;
  const parsed = schema.safeParse({ ...filters, limit: pageSize });
  return {
    query: parsed.success ? parsed.data : schema.parse({ limit: pageSize }),
    filtersInvalid: !parsed.success,
    page: Math.max(1, Number.parseInt(pageRaw ?? "1", 10) || 1),
  };
}
