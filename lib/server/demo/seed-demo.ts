import "server-only";
// The demo: users for every role, then a little data per area. Each area adds one
// `seed<Area>Demo(actor)` call below; it must make data through that area's lib/server
// functions (so it is validated and audited like anything a user does).
import type { Role } from "@/lib/auth/permissions";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { checkpointTail } from "@/lib/server/audit/append";
import { setSetting } from "@/lib/server/settings/settings";
import { makeUser, userCount } from "@/lib/server/testing/factories";
import { seedConsentDemo } from "@/lib/server/consent/seed-demo";

export type DemoUser = { email: string; name: string; role: Role };

export async function seedDemo(users: DemoUser[], password: string) {
  if ((await userCount()) > 0) return { seeded: false };
  for (const u of users) await makeUser({ ...u, password });
  await setSetting(SYSTEM_CLI, "security.mfaRequired", false);
  // Area seeds go here, e.g. await seedInventoryDemo(SYSTEM_CLI);
  await seedConsentDemo(SYSTEM_CLI);
  await checkpointTail();
  return { seeded: true };
}
