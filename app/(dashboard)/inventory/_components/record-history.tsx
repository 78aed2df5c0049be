import { DateTime } from "@/components/ui/date-time";
export function RecordHistory({ events }: { events: { id: number; seq: number | null; at: string; actor: string; action: string; changes: string[] }[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No recorded changes.</p>;
  const label: Record<string, string> = {
    "inventory.asset.create": "Created",
    "inventory.activity.create": "Created",
    "inventory.asset.update": "Edited",
    "inventory.activity.update": "Edited",
    "inventory.review": "Reviewed",
    "inventory.export": "Exported",
    "inventory.asset.archive": "Archived",
    "inventory.activity.archive": "Archived",
    "inventory.asset.restore": "Restored",
    "inventory.activity.restore": "Restored",
  };
  return (
    <ol className="space-y-3" data-testid="history">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <p>
            <span className="font-medium">{label[e.action] ?? e.action}</span> by {e.actor}{" "}
            <span className="text-slate-500"><DateTime value={e.at} /></span>
            <span className="ml-2 font-mono text-xs text-slate-500">{e.seq ? `#${e.seq}` : "unsealed"}</span>
          </p>
          {e.action.endsWith(".update") || e.action === "inventory.review" ? (
            <ul className="ml-4 list-disc text-xs text-slate-600">
              {e.changes.map((c, i) => <li key={i} className="break-words">{c}</li>)}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
