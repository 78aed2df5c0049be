import "server-only";
// The demo: users for every role, then a little data per area. Each area adds one
// `seed<Area>Demo(actor)` call below; it must make data through that area's lib/server
// functions (so it is validated and audited like anything a user does).
import type { Role } from "@/lib/auth/permissions";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { sealBeforeExit } from "@/lib/server/audit/sealer";
import { seedBreachesDemo } from "@/lib/server/breaches/seed-demo";
import { seedConsentDemo } from "@/lib/server/consent/seed-demo";
import { seedInventoryDemo } from "@/lib/server/inventory/seed-demo";
import { seedOversightDemo } from "@/lib/server/oversight/seed-demo";
import { seedPostureDemo } from "@/lib/server/posture/seed-demo";
import { setSetting } from "@/lib/server/settings/settings";
import { makeUser, userCount } from "@/lib/server/testing/factories";

export type DemoUser = { email: string; name: string; role: Role };

export async function seedDemo(users: DemoUser[], password: string) {
  if ((await userCount()) > 0) return { seeded: false };
  for (const u of users) await makeUser({ ...u, password });
  await setSetting(SYSTEM_CLI, "security.mfaRequired", false);
  // One call per area, in dependency order (oversight links inventory records; posture
  // goes last so its first snapshot scores the other areas' demo data).
  await seedInventoryDemo(SYSTEM_CLI);
  await seedConsentDemo(SYSTEM_CLI);
  await seedBreachesDemo(SYSTEM_CLI);
  await seedOversightDemo(SYSTEM_CLI);
  await seedPostureDemo(SYSTEM_CLI);
  await sealBeforeExit();
  return { seeded: true };
}
