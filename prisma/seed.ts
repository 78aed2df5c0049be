// Demo seed: runs once, on an empty database (npm start calls it; a second start keeps
// the data). The work is in lib/server/demo/seed-demo.ts, which uses the test factories.
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users.mjs";
import { loadLocalEnv } from "../scripts/local-env.mjs";
import { disconnectDb } from "@/lib/server/db";
import { seedDemo } from "@/lib/server/demo/seed-demo";

loadLocalEnv({ quiet: true });
const result = await seedDemo(DEMO_USERS, DEMO_PASSWORD);
console.log(result.seeded ? "Seeded the demo data." : "Database already has data; seed skipped.");
await disconnectDb();
