// Security-sensitive: what the app may believe about where a request came from. Next copies
// a client's X-Forwarded-* headers through unchanged (it only fills them in when absent),
// so without a trusted reverse proxy a client could name any address. The server
// (scripts/serve.mjs) passes every request through here before Next sees it:
// - x-peer-address is always the TCP peer, overwriting whatever the client sent;
// - without TRUST_PROXY=1 the forwarding headers are dropped, so nothing downstream (Next's
//   origin check, next-auth, lib/server/request-ip.ts) can be fed a forged value.

export const PEER_HEADER = "x-peer-address";
const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** Mutates a Node IncomingMessage's headers in place. */
export function sanitiseForwardedHeaders(headers, remoteAddress, trustProxy) {
  if (!trustProxy) for (const h of FORWARDING) delete headers[h];
  if (remoteAddress) headers[PEER_HEADER] = remoteAddress;
  else delete headers[PEER_HEADER];
  return headers;
}
