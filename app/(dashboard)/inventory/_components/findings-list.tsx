import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Finding } from "@/lib/inventory/findings";

const TONE = { high: "red", medium: "amber", low: "gray" } as const;

export function recordHref(kind: "asset" | "activity", id: string) {
  return kind === "asset" ? `/inventory/assets/${id}` : `/inventory/activities/${id}`;
}

/** Each finding names the rule (with its citation) and the record; it goes away when the record is fixed. */
export function FindingsList({ findings, showRecord = true, empty }: { findings: Finding[]; showRecord?: boolean; empty: string }) {
  if (findings.length === 0) {
    return <p className="text-sm text-emerald-700" data-testid="no-findings">{empty}</p>;
  }
  return (
    <ul className="divide-y divide-slate-100" data-testid="findings">
      {findings.map((f) => (
        <li key={`${f.recordId}-${f.rule}`} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2" data-testid={`finding-${f.rule}`}>
          <Badge tone={TONE[f.severity]}>{f.severity}</Badge>
          <div className="min-w-0 flex-1 text-sm">
            <p className="font-medium text-slate-900">
              {f.title} <span className="font-normal text-slate-500">({f.citation})</span>
            </p>
            <p className="text-slate-600">
              {showRecord && (
                <>
                  <Link href={recordHref(f.recordKind, f.recordId)} className="font-medium text-indigo-700 hover:underline">{f.recordName}</Link>
                  {" — "}
                </>
              )}
              {f.detail}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
