// How a chart counted at most a minute ago says when (lib/server/ledger-aggregates.ts).
export function formatCountedAt(at: Date): string {
  return `counted at ${at.toISOString().slice(11, 19)} UTC, at most once a minute`;
}
