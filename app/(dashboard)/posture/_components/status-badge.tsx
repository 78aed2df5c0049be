import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, type ControlStatus } from "@/lib/posture/types";

const TONE: Record<ControlStatus, "green" | "amber" | "red" | "gray"> = {
  satisfied: "green",
  partial: "amber",
  not_satisfied: "red",
  not_reviewed: "gray",
  not_applicable: "gray",
};

export function StatusBadge({ status }: { status: ControlStatus }) {
  return <Badge tone={TONE[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function ScoreValue({ score }: { score: number | null }) {
  if (score === null) return <span className="text-slate-500">n/a</span>;
  const tone = score >= 80 ? "text-emerald-700" : score >= 60 ? "text-amber-700" : "text-red-700";
  return <span className={tone}>{score.toFixed(1)}</span>;
}
