// The production build, made only when a source file changed since the last one: the hash
// of the sources is stamped into .next/source-hash. `npm start` (and so the e2e suite) and
// `npm run bench` share it, so a build one of them made is reused by the other.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function sourceHash() {
  const h = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const n of readdirSync(p).sort()) if (!n.startsWith(".") && n !== "node_modules") walk(join(p, n));
    } else if (/\.(tsx?|mjs|css|json|prisma)$/.test(p)) {
      h.update(p).update(readFileSync(p));
    }
  };
  for (const p of ["app", "components", "lib", "generated", "public", "next.config.ts", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"]) walk(p);
  return h.digest("hex");
}

/** Builds in `root` (the current directory) unless the stamped build matches the sources; returns whether it built. */
export function ensureBuild(root = process.cwd()) {
  const stamp = join(root, ".next", "source-hash");
  const hash = sourceHash();
  if (existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return false;
  console.log("Building the app (first run or changed sources)…");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  writeFileSync(stamp, hash);
  return true;
}
