import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { AiSystemUsingRecord } from "@/lib/server/oversight/links";

const TIER_TONE: Record<string, "red" | "amber" | "indigo" | "gray"> = { prohibited: "red", high: "amber", limited: "indigo", minimal: "gray" };

/** The AI systems the oversight registry links to this asset or activity. */
export function UsedByAiSystems({ systems, what }: { systems: AiSystemUsingRecord[]; what: "asset" | "activity" }) {
  return (
    <Card title="Used by AI systems" description="Linked from the AI system registry (oversight).">
      {systems.length === 0 ? (
        <p className="text-sm text-slate-600">No AI system is recorded as using this {what === "asset" ? "asset" : "processing activity"}.</p>
      ) : (
        <ul className="space-y-1.5 text-sm" data-testid="used-by-ai-systems">
          {systems.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/oversight/systems/${s.id}`} className="text-indigo-700 hover:underline">{s.name}</Link>
              <Badge tone={TIER_TONE[s.riskTier] ?? "gray"}>{s.riskTier} risk</Badge>
              <span className="text-xs text-slate-500">{s.deploymentStatus}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
