import { Badge } from "@/components/ui/badge";

const STATUS = {
  granted: { tone: "green", label: "Granted" },
  withdrawn: { tone: "amber", label: "Withdrawn" },
  opted_out: { tone: "red", label: "Opted out" },
  none: { tone: "gray", label: "No record" },
} as const;

export function ConsentStatusBadge({ status }: { status: string }) {
  const s = STATUS[status as keyof typeof STATUS] ?? STATUS.none;
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
