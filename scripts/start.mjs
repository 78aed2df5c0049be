#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running app.
//   data folder + secrets (first run) -> migrations -> demo seed (empty database only)
//   -> production build (when sources changed) -> scripts/serve.mjs on PORT (default 3000).
// `--dev` runs `next dev` instead of building.
import { spawn, spawnSync } from "node:child_process";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./build-stamp.mjs";
import { loadLocalEnv } from "./local-env.mjs";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-users.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number between 1 and 65535, got "${process.env.PORT}"`);
  process.exit(2);
}

loadLocalEnv();
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`\n${what} failed (exit ${r.status}). Nothing was started.`);
    process.exit(r.status ?? 1);
  }
}

export const TSX = ["--conditions=react-server", "--import", "tsx"];

run(process.execPath, ["scripts/prisma.mjs", "migrate"], "Applying database migrations");
run(process.execPath, [...TSX, "prisma/seed.ts"], "Seeding the demo");

// Rebuild only when a source file changed since the last build (scripts/build-stamp.mjs).
if (!dev) {
  try {
    ensureBuild(root);
  } catch (e) {
    console.error(`\n${e.message}. Nothing was started.`);
    process.exit(1);
  }
}

const url = process.env.NEXTAUTH_URL;
// scripts/serve.mjs, not `next start`: Next passes a client's X-Forwarded-For through, and
// the sign-in limits and the audit log need an address the client cannot choose.
// NEXT_MANUAL_SIG_HANDLE: the app's own handler (instrumentation.ts) ends the process on
// SIGTERM/SIGINT, after signing the audit log's shutdown head.
process.env.NODE_ENV = dev ? "development" : "production";
const child = spawn(process.execPath, ["scripts/serve.mjs", ...(dev ? ["--dev"] : [])], { stdio: ["inherit", "pipe", "inherit"], env: { ...process.env, PORT: String(port), NEXT_MANUAL_SIG_HANDLE: "1" } });
let announced = false;
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /ready|started server|Local:/i.test(String(chunk))) {
    announced = true;
    console.log(`\n  Compliance & Oversight Dashboard is running at ${url}\n`);
    console.log("  Demo logins (MFA enforcement is off in the demo; turn it on under Admin → Security):");
    for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(20)} ${u.email.padEnd(24)} ${DEMO_PASSWORD}`);
    console.log(`\n  Health: ${url}/api/v1/health   API description: ${url}/api/v1/openapi.json\n`);
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
