#!/usr/bin/env node
// Audited writes on PostgreSQL, before and after a change, in the same run:
//   npm run bench:audit -- [--base <git ref>] [--rounds 3] [--seconds 5]
// Checks out the base ref in a scratch worktree (node_modules shared, its own generated
// clients), migrates one fresh PostgreSQL database per tree, then runs
// scripts/bench/audit-writer.ts in each tree in interleaved rounds (base, head, base, head)
// for 1 and 8 concurrent clients, and prints medians and the 8-client/1-client ratios.
// Needs PostgreSQL (PG_BENCH_ADMIN_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateSecrets, generateSigningKeyPem } from "./local-env.mjs";
import { createPgDatabase, migrate } from "./harness/databases.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const base = args.base ?? "HEAD~1";
const rounds = Number(args.rounds ?? 3);
const seconds = Number(args.seconds ?? 5);
const root = resolve(".");
const adminUrl = process.env.PG_BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Outside node_modules: tsx does not apply tsconfig paths to files under it.
const baseTree = join(root, "data", "bench-base");

function sh(cmd, argv, opts = {}) {
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], ...opts });
}

// The base tree: a detached worktree with the head's node_modules and its own clients.
if (existsSync(baseTree)) sh("git", ["worktree", "remove", "--force", baseTree]);
sh("git", ["worktree", "add", "--detach", baseTree, base]);
symlinkSync(join(root, "node_modules"), join(baseTree, "node_modules"));
mkdirSync(join(baseTree, "scripts", "bench"), { recursive: true });
copyFileSync(join(root, "scripts", "bench", "audit-writer.ts"), join(baseTree, "scripts", "bench", "audit-writer.ts"));
sh(process.execPath, ["scripts/prisma.mjs", "generate"], { cwd: baseTree });

const stamp = `${Date.now()}`;
const trees = [
  { name: `base (${sh("git", ["rev-parse", "--short", base]).trim()})`, dir: baseTree, db: `bench_audit_base_${stamp}` },
  { name: `head (${sh("git", ["rev-parse", "--short", "HEAD"]).trim()})`, dir: root, db: `bench_audit_head_${stamp}` },
];
const secrets = { ...generateSecrets(), AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 7).toString("base64"), AUDIT_SIGNING_KEY: generateSigningKeyPem() };
for (const t of trees) {
  t.database = await createPgDatabase(t.db, { adminUrl });
  t.url = t.database.url;
  migrate(t.url, { cwd: t.dir });
}

const results = {};
try {
  for (let r = 0; r < rounds; r++) {
    for (const workload of ["consent", "audit"]) {
      for (const clients of [1, 8]) {
        for (const t of trees) {
          const out = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/audit-writer.ts", workload, String(clients), String(seconds)], {
            cwd: t.dir,
            env: { ...process.env, ...secrets, DATABASE_URL: t.url, NODE_ENV: "production" },
            encoding: "utf8",
          });
          if (out.status !== 0) throw new Error(`${t.name} ${workload} x${clients} failed:\n${out.stderr}`);
          const line = JSON.parse(out.stdout.trim().split("\n").at(-1));
          ((results[`${workload}|${clients}|${t.name}`] ??= [])).push(line.perSecond);
          console.error(`round ${r + 1} ${t.name} ${workload} x${clients}: ${line.perSecond.toFixed(1)}/s`);
        }
      }
    }
  }
} finally {
  for (const t of trees) await t.database?.drop();
  sh("git", ["worktree", "remove", "--force", baseTree]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\n| workload | tree | 1 client /s | 8 clients /s | 8 / 1 |\n|---|---|---|---|---|`);
for (const workload of ["consent", "audit"]) {
  for (const t of trees) {
    const one = median(results[`${workload}|1|${t.name}`]);
    const eight = median(results[`${workload}|8|${t.name}`]);
    console.log(`| ${workload} | ${t.name} | ${one.toFixed(0)} | ${eight.toFixed(0)} | ${(eight / one).toFixed(2)} |`);
  }
}
console.log(`\nmedians of ${rounds} interleaved rounds of ${seconds} s; ${new Date().toISOString()}`);
