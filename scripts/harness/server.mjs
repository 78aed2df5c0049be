// Production servers for the resilience harness: a data folder with its secrets, a database
// per run (an SQLite file, or a fresh PostgreSQL database), migrations, fixtures, and
// servers started, killed (SIGKILL) or stopped (SIGTERM, which signs the shutdown head).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { generateSecrets, generateSigningKeyPem } from "../local-env.mjs";
import { createPgDatabase, migrateOrDrop, PG_ADMIN_URL, sqliteDatabase } from "./databases.mjs";

export { PG_ADMIN_URL };
const TSX = ["--conditions=react-server", "--import", "tsx"];

export async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * A fresh data folder `dataDir` and a migrated database for one run (an SQLite file in the
 * folder, or a new PostgreSQL database on `adminUrl`); `env` is what every process of the
 * run gets. The benchmark (scripts/bench.ts) uses it too.
 */
export async function migratedRun(name, dialect, dataDir, adminUrl = PG_ADMIN_URL) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const database =
    dialect === "postgresql"
      ? await createPgDatabase(`oversight_${name.replace(/\W/g, "_")}_${Date.now()}_${process.pid}`, { adminUrl })
      : sqliteDatabase(join(dataDir, "app.db"));
  // Secrets of this run only (the parent's environment may hold another run's).
  const signingKey = join(dataDir, "audit-signing-key.pem");
  writeFileSync(signingKey, generateSigningKeyPem(), { mode: 0o600 });
  const env = { ...process.env, ...generateSecrets(), AUDIT_SIGNING_KEY_FILE: signingKey, DATA_DIR: dataDir, DATABASE_URL: database.url, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.AUDIT_SIGNING_KEY;
  delete env.AUDIT_RETIRED_PUBLIC_KEYS;
  await migrateOrDrop(database, { env, label: `${name} (${dialect})` });
  return {
    dataDir,
    env,
    async cleanup() {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A data folder and database for one run, with the harness's fixtures. */
export async function prepareRun(name, dialect) {
  const run = await migratedRun(name, dialect, resolve("data", "harness", `${name}-${dialect}-${process.pid}`));
  const setup = spawnSync(process.execPath, [...TSX, "scripts/harness/setup.ts"], { env: run.env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`harness setup failed: ${setup.stderr}`);
  return { ...run, fixtures: JSON.parse(setup.stdout.trim().split("\n").at(-1)) };
}

/** Starts scripts/serve.mjs on `port` and resolves once /api/v1/health answers. */
export async function startServer(run, port) {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: { ...run.env, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, NEXT_MANUAL_SIG_HANDLE: "1", HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr = (stderr + c).slice(-4000)));
  const exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited at start: ${stderr}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not answer within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    base,
    pid: child.pid,
    kill: async () => {
      child.kill("SIGKILL");
      return exited;
    },
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** `npm run admin -- audit:verify` against the run's database: { code, out }. */
export function auditVerify(run) {
  const r = spawnSync(process.execPath, [...TSX, "scripts/admin.ts", "audit:verify"], { env: run.env, encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

export async function api(base, key, method, path, body, headers = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, body: json };
}
