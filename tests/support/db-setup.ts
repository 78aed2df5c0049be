// Runs in each test file's worker: point the app's env at this run's database.
import { afterAll, inject } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { disconnectDb } from "@/lib/server/db";
import { resetKeyCache } from "@/lib/server/keys";

const testEnv = inject("testEnv");
Object.assign(process.env, testEnv);
resetEnvCache();
resetKeyCache();

afterAll(async () => {
  await disconnectDb();
});
