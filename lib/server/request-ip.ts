// The client's address as far as this process can tell. Behind a trusted reverse proxy
// (TRUST_PROXY=1) the leftmost X-Forwarded-For entry is the client; otherwise only the
// entry added by the nearest hop is trusted, since a client can write the rest itself.
import { env } from "@/lib/env";

export function requestIp(headers: Headers): string | null {
  const xff = headers.get("x-forwarded-for");
  if (xff) {
    const parts = xff.split(",").map((s) => s.trim()).filter(Boolean);
    const pick = env().TRUST_PROXY === "1" ? parts[0] : parts[parts.length - 1];
    if (pick) return pick.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? null;
}
