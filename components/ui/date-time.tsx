import { formatInZone, utcStamp, type DateStyle } from "@/lib/time/format";
import { requestTimeZone } from "@/lib/server/time/org-zone";

/** A date in the organisation's zone, one format everywhere, the UTC instant on hover. */
export async function DateTime({ value, style = "datetime", fallback = "—" }: { value: Date | string | null | undefined; style?: DateStyle; fallback?: string }) {
  if (!value) return <>{fallback}</>;
  const zone = await requestTimeZone();
  const iso = typeof value === "string" ? value : value.toISOString();
  return <time dateTime={iso} title={utcStamp(value)}>{formatInZone(value, zone, style)}</time>;
}
