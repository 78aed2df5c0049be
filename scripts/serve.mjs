#!/usr/bin/env node
// The HTTP server `npm start` runs: Next's request handler behind one step that decides
// which forwarding headers are believed (scripts/forwarded-headers.mjs), since Next itself
// believes the client's. Same behaviour as `next start` otherwise.
import { createServer } from "node:http";
import next from "next";
import { sanitiseForwardedHeaders } from "./forwarded-headers.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1";
// A custom server gets no signal handlers from Next: the app's own (instrumentation.ts) seals
// the audit log, signs the shutdown head and then ends the process, which it does only when
// this is set. Without it a SIGTERM sent straight to this process left it running.
process.env.NEXT_MANUAL_SIG_HANDLE ??= "1";

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
createServer((req, res) => {
  sanitiseForwardedHeaders(req.headers, req.socket.remoteAddress, trustProxy);
  void handle(req, res);
}).listen(port, hostname, () => {
  console.log(`ready on port ${port}${trustProxy ? " (trusting X-Forwarded-For from the reverse proxy)" : ""}`);
});
