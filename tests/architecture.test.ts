// The layer rules (README "Layout"), checked on the source (ESLint is not installed here,
// so `no-restricted-imports` cannot hold them): only lib/server talks to the database, every
// module there is server-only, client components never import server code, and no raw SQL is
// built from strings.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
    }
  };
  walk(join(root, dir));
  return out;
}

const rel = (p: string) => relative(root, p);
const appCode = [...sources("app"), ...sources("components"), ...sources("lib"), join(root, "proxy.ts")];
const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
const DATABASE_MODULES = /^(@\/lib\/server\/db|@\/generated\/prisma(-pg)?(\/.*)?|@prisma\/client|@prisma\/adapter-.*|better-sqlite3|pg)$/;

describe("layers", () => {
  it("only lib/server imports the database client, the generated Prisma client or a driver", () => {
    const users = appCode.filter((f) => importsOf(f).some((i) => DATABASE_MODULES.test(i)));
    expect(users.length).toBeGreaterThan(50); // the import scan sees the real users
    expect(users.filter((f) => !rel(f).startsWith("lib/server/")).map(rel)).toEqual([]);
  });

  it("every lib/server module that touches the database or keys is server-only", () => {
    const offenders = sources("lib/server").filter((f) => {
      const text = readFileSync(f, "utf8");
      const sensitive = importsOf(f).some((i) => DATABASE_MODULES.test(i) || i === "@/lib/server/keys");
      return sensitive && !/^import "server-only";/m.test(text);
    });
    expect(offenders.map(rel)).toEqual([]);
  });

  it("client components never import server code", () => {
    const clients = appCode.filter((f) => /^["']use client["'];?/m.test(readFileSync(f, "utf8")));
    expect(clients.length).toBeGreaterThan(10);
    expect(clients.filter((f) => importsOf(f).some((i) => i.startsWith("@/lib/server/"))).map(rel)).toEqual([]);
  });

  it("no SQL is built from strings through Prisma's unsafe raw API", () => {
    const offenders = [...appCode, ...sources("scripts")].filter((f) => /\$(query|execute)RawUnsafe/.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel)).toEqual([]);
  });
});
