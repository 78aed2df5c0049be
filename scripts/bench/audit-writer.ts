// One measurement of audited writes, in the tree it is run from (the comparison driver,
// scripts/bench-audit.mjs, runs it in this tree and in a base commit's tree). Writes one
// JSON line: completed writes per second with C concurrent clients for SECONDS.
//   workload "consent": single consent events through ingestConsentEvents (a business
//     transaction: subject find-or-create, event, state, audit event);
//   workload "audit": recordAudit alone (the audit event's own transaction).
// Only APIs present before and after the audit log change are used. Where the tree has a
// sealer (lib/server/audit/sealer.ts), it runs during the measurement, so its cost counts.
const [workload, clients, seconds] = [process.argv[2] ?? "consent", Number(process.argv[3] ?? 8), Number(process.argv[4] ?? 5)];
const { SYSTEM_CLI } = await import("@/lib/server/actor");
const { db, disconnectDb } = await import("@/lib/server/db");
const { recordAudit } = await import("@/lib/server/audit/append");
const { ingestConsentEvents } = await import("@/lib/server/consent/ingest-events");
const { createPurpose } = await import("@/lib/server/consent/purposes");

if (!(await db().consentPurpose.findUnique({ where: { key: "bench_email" } }))) {
  await createPurpose(SYSTEM_CLI, { key: "bench_email", title: "Bench", lawfulBasis: "consent", saleOrShare: false, noticeText: "Bench notice" });
}
let sealer: { startSealer: (ms?: number) => void; stopSealer: () => Promise<unknown> } | null = null;
try {
  sealer = await import("@/lib/server/audit/sealer" as string);
  sealer!.startSealer();
} catch {
  sealer = null;
}

const write = workload === "audit"
  ? (i: number) => recordAudit(SYSTEM_CLI, { action: "bench.write", entityId: String(i) })
  : (i: number) => ingestConsentEvents(SYSTEM_CLI, { subjectId: `bench-${process.pid}-${i}`, purpose: "bench_email", action: "grant" });

let done = 0;
let next = 0;
const end = performance.now() + seconds * 1000;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      await write(next++);
      done++;
    }
  }),
);
const elapsed = (performance.now() - t0) / 1000;
if (sealer) await sealer.stopSealer();
console.log(JSON.stringify({ workload, clients, perSecond: done / elapsed, sealer: !!sealer }));
await disconnectDb();
process.exit(0);

export {};
