// A real HTTP receiver on loopback for the webhook tests, and an independent check of the
// signature (node:crypto directly, as a receiver would write it from the documentation).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: IncomingHttpHeaders; body: string; at: number };

export async function startReceiver() {
  const received: Received[] = [];
  const state = { failNext: 0, failStatus: 500 };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body, at: Date.now() });
      if (state.failNext > 0) {
        state.failNext--;
        res.writeHead(state.failStatus).end("nope");
      } else res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export function verifiedIndependently(secret: string, r: Received): boolean {
  const ts = String(r.headers["x-oversight-timestamp"] ?? "");
  const sig = String(r.headers["x-oversight-signature"] ?? "");
  if (!/^\d+$/.test(ts) || Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const expected = Buffer.from("v1=" + createHmac("sha256", secret).update(`${ts}.${r.body}`).digest("hex"));
  const got = Buffer.from(sig);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
