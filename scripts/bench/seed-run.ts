// Seeds the benchmark's database in its own process (the app's database client binds to
// one DATABASE_URL per process) with the standard dataset (scripts/bench/seed/, decision
// 700): DATABASE_URL and the secrets come from the environment; prints the dataset's
// manifest as the last line of JSON.
//   node --conditions=react-server --import tsx scripts/bench/seed-run.ts <scale>
import { seedStandardDataset } from "./seed/index";

const scale = Number(process.argv[2] ?? 1);
const manifest = await seedStandardDataset({ url: process.env.DATABASE_URL!, scale, log: (l) => console.error(`  seed: ${l}`) });
console.log(JSON.stringify(manifest));
const { disconnectDb } = await import("@/lib/server/db");
await disconnectDb();
process.exit(0);
