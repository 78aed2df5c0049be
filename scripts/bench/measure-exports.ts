// Focused measurement of the streamed exports in-process (issue 14), without a server build:
//   node --env-file=<bench .env> --conditions=react-server --import tsx scripts/bench/measure-exports.ts [--grow N]
// --grow N (SQLite only) first copies every obligation N times (new ids and keys), so the
// standard dataset's 10,670 obligations become ~1M rows. Prints rows/s and peak RSS (VmHWM)
// of the obligations CSV, the per-incident register CSV (not with --no-register) and the audit
// export CSV.
import { readFileSync } from "node:fs";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { auditCsvPages } from "@/lib/server/audit/list-audit";
import { exportRegister } from "@/lib/server/breaches/export-incident";
import { obligationRegisterPages } from "@/lib/server/breaches/obligation-register";
import { csvChunks } from "@/lib/export/csv-stream";
import { db, disconnectDb, sqliteHandle } from "@/lib/server/db";

const arg = process.argv.indexOf("--grow");
const grow = arg > 0 ? Number(process.argv[arg + 1]) : 0;
const mb = (field: string) => Number(readFileSync("/proc/self/status", "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) / 1024;

if (grow > 0) {
  await db().$connect();
  const h = sqliteHandle();
  if (!h) throw new Error("--grow is for SQLite");
  const cols = `"incidentId", "regime", "recipient", "jurisdiction", "dueAt", "dueRule", "citation", "dependsOnKey", "ruleVersion", "trigger", "contentChecklist", "checklistDone", "status", "statusReason", "sentAt", "sentReference", "sentById", "sentByLabel", "applies", "createdAt", "updatedAt", "version"`;
  h.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${grow})
    INSERT INTO "BreachObligation" ("id", "key", ${cols}) SELECT o."id" || '#' || n.i, o."key" || '#' || n.i, ${cols.replace(/"(\w+)"/g, 'o."$1"')} FROM "BreachObligation" o, n WHERE o."id" NOT LIKE '%#%'`);
}

async function timed(name: string, rows: () => Promise<number>) {
  const t0 = performance.now();
  const n = await rows();
  const s = (performance.now() - t0) / 1000;
  console.log(`${name}: ${n.toLocaleString("en-US")} rows in ${s.toFixed(2)} s = ${Math.round(n / s).toLocaleString("en-US")} rows/s; peak RSS so far ${Math.round(mb("VmHWM"))} MB (now ${Math.round(mb("VmRSS"))} MB, anonymous ${Math.round(mb("RssAnon"))} MB)`);
}

const countLines = async (chunks: AsyncGenerator<string>) => {
  let lines = 0;
  for await (const c of chunks) for (let i = c.indexOf("\n"); i >= 0; i = c.indexOf("\n", i + 1)) lines++;
  return lines - 1;
};
console.log(`obligations in the database: ${(await db().breachObligation.count()).toLocaleString("en-US")}; load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
await timed("obligations CSV (streamed)", () => countLines(csvChunks(obligationRegisterPages(SYSTEM_CLI))));
if (!process.argv.includes("--no-register")) await timed("register CSV (one row per incident, built in memory)", async () => ((await exportRegister(SYSTEM_CLI, "register.csv")).body as string).split("\n").length - 2);
await timed("audit export CSV (streamed, all rows)", () => countLines(csvChunks(auditCsvPages(SYSTEM_CLI, {}))));
console.log(`load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
await disconnectDb();
