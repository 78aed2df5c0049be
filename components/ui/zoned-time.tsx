import { formatInZone, utcStamp, type DateStyle } from "@/lib/time/format";

/**
 * A date in a given zone, the one format of lib/time/format.ts, the UTC instant on hover.
 * No server imports, so client components (the breach wizard) use it with the zone they
 * were given; server pages use DateTime, which looks the organisation's zone up.
 */
export function ZonedTime({ value, zone, style = "datetime", fallback = "—" }: { value: Date | string | null | undefined; zone: string; style?: DateStyle; fallback?: string }) {
  if (!value) return <>{fallback}</>;
  const iso = typeof value === "string" ? value : value.toISOString();
  return <time dateTime={iso} title={utcStamp(value)}>{formatInZone(value, zone, style)}</time>;
}
