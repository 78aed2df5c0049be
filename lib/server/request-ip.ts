// Security-sensitive: the client's address, for the sign-in limits and the audit log.
// Next passes a client's X-Forwarded-For through unchanged, so it is believed only with
// TRUST_PROXY=1, and then only its rightmost entry: the one our own reverse proxy appended
// (entries to its left are whatever the client sent). Otherwise the address is the TCP
// peer, which the server (scripts/serve.mjs) writes into x-peer-address over anything the
// client sent. X-Real-IP is never believed.
import { isIP } from "node:net";
import { env } from "@/lib/env";

export const PEER_HEADER = "x-peer-address";

function normalise(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim();
  if (v.startsWith("[") && v.includes("]")) v = v.slice(1, v.indexOf("]"));
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; count it once.
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(v)) v = v.slice(7);
  return isIP(v) ? v : null;
}

export function requestIp(headers: Headers, trustProxy: boolean = env().TRUST_PROXY === "1"): string | null {
  const peer = normalise(headers.get(PEER_HEADER));
  if (!trustProxy) return peer;
  const xff = headers.get("x-forwarded-for");
  const entries = xff ? xff.split(",").map((s) => s.trim()).filter(Boolean) : [];
  return normalise(entries[entries.length - 1]) ?? peer;
}
