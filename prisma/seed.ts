// Demo seed: runs once, on an empty database (npm start calls it; a second start keeps
// the data). Uses the same factories as the tests.
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users.mjs";
import { loadLocalEnv } from "../scripts/local-env.mjs";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { disconnectDb } from "@/lib/server/db";
import { setSetting } from "@/lib/server/settings/settings";
import { makeUser, userCount } from "@/lib/server/testing/factories";
import { checkpointTail } from "@/lib/server/audit/append";

export async function seedDemo() {
  if ((await userCount()) > 0) return { seeded: false };
  for (const u of DEMO_USERS) await makeUser({ ...u, password: DEMO_PASSWORD });
  await setSetting(SYSTEM_CLI, "security.mfaRequired", false);
  await checkpointTail();
  return { seeded: true };
}

loadLocalEnv({ quiet: true });
const result = await seedDemo();
console.log(result.seeded ? "Seeded the demo data." : "Database already has data; seed skipped.");
await disconnectDb();
