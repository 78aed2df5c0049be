import { Badge } from "@/components/ui/badge";
import { dataCategoryLabel, isSpecialCategory } from "@/lib/inventory/catalogue";

export function CategoryBadges({ codes, max = 4 }: { codes: string[]; max?: number }) {
  if (codes.length === 0) return <span className="text-xs text-slate-500">none</span>;
  const shown = codes.slice(0, max);
  return (
    <span className="flex flex-wrap gap-1">
      {shown.map((c) => (
        <Badge key={c} tone={isSpecialCategory(c) ? "red" : "gray"}>{dataCategoryLabel(c).replace(/ \(.*\)$/, "")}</Badge>
      ))}
      {codes.length > max && <Badge>+{codes.length - max}</Badge>}
    </span>
  );
}

export function FindingCount({ n }: { n: number }) {
  return n === 0 ? <Badge tone="green">none</Badge> : <Badge tone="red">{n}</Badge>;
}
