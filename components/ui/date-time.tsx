import type { DateStyle } from "@/lib/time/format";
import { requestTimeZone } from "@/lib/server/time/org-zone";
import { ZonedTime } from "./zoned-time";

/** A date in the organisation's zone, one format everywhere, the UTC instant on hover. */
export async function DateTime({ value, style = "datetime", fallback = "—" }: { value: Date | string | null | undefined; style?: DateStyle; fallback?: string }) {
  if (!value) return <>{fallback}</>;
  return <ZonedTime value={value} zone={await requestTimeZone()} style={style} fallback={fallback} />;
}
