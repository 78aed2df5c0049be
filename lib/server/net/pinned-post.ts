import "server-only";
// Security-sensitive: an outbound POST that cannot be pointed at the inside of our network.
// The name is resolved once (every address), refused if ANY address is not public (unless
// the host is on the operator's allow list), and the connection goes to the address that
// was checked: the socket's lookup is pinned, so a DNS answer that changes between check
// and connect (rebinding) changes nothing. TLS still verifies the certificate for the name.
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { addressProblem, isAllowedHost, parseHost } from "@/lib/net/ssrf";

export type PostResult = { status: number };
export type PostFn = (url: string, init: { headers: Record<string, string>; body: string; timeoutMs: number; allowedHosts: readonly string[] }) => Promise<PostResult>;

export class RefusedTarget extends Error {}

type Resolved = { address: string; family: 4 | 6 };

export async function resolveTarget(hostname: string, allowedHosts: readonly string[]): Promise<Resolved> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const literal = parseHost(host);
  const addresses: Resolved[] =
    literal.kind === "name" ? (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })) : [{ address: host, family: literal.kind === "ipv6" ? 6 : 4 }];
  if (addresses.length === 0) throw new RefusedTarget(`${hostname} does not resolve`);
  if (!isAllowedHost(hostname, allowedHosts)) {
    const bad = addresses.find((a) => addressProblem(a.address) !== null);
    if (bad) throw new RefusedTarget(`${hostname} resolves to ${bad.address}: ${addressProblem(bad.address)}`);
  }
  return addresses[0]!;
}

/** POST without following redirects; the body of the answer is discarded. */
export const pinnedPost: PostFn = async (raw, { headers, body, timeoutMs, allowedHosts }) => {
  const url = new URL(raw);
  const deadline = AbortSignal.timeout(timeoutMs);
  const target = await resolveTarget(url.hostname, allowedHosts);
  const pinned: LookupFunction = (_name, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: Resolved[]) => void)(null, [target]);
    else cb(null, target.address, target.family);
  };
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) }, lookup: pinned, signal: deadline }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on("error", reject);
    req.end(body);
  });
};
