// People and keys of the standard dataset: the four demo logins (prisma/demo-users.mjs,
// same passwords) plus a second reviewer for four-eyes decisions, with fixed ids so the
// records that name them (reviews, audit entries) are the same on every run; the
// password hashes come from the app's hashPassword. The integration keys that wrote the
// history (the consent banner, one per AI system) get fixed ids too; their secrets are
// thrown away. The key handed to the benchmark is minted by the app (createApiKey).
import { randomBytes } from "node:crypto";
import { SCOPE_NAMES } from "@/lib/auth/permissions";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey, hashApiKey } from "@/lib/server/api-keys/create-api-key";
import { hashPassword } from "@/lib/server/users/password";
import { DEMO_PASSWORD, DEMO_USERS } from "../../../prisma/demo-users.mjs";
import type { AuditActor, AuditStream } from "./audit";
import { cuidOf, DAY, START } from "./rng";
import type { Sink } from "./sink";

export type Person = { id: string; email: string; name: string; role: string; actor: AuditActor };
export const SECOND_REVIEWER = { email: "reviewer2@demo.local", name: "Rosa Reviewer", role: "reviewer" };
const SYSTEM: AuditActor = ["system", null, "system:cli", null];

export function userActor(id: string, email: string, n: number): AuditActor {
  return ["user", id, email, `203.0.113.${10 + n}`];
}

export async function seedPeople(sink: Sink, audit: AuditStream): Promise<Person[]> {
  const people = [...DEMO_USERS, SECOND_REVIEWER].map((u, i) => {
    const id = cuidOf(`user:${u.email}`);
    return { id, email: u.email, name: u.name, role: u.role, actor: userActor(id, u.email, i) };
  });
  const hash = await hashPassword(DEMO_PASSWORD);
  const created = new Date(START - 30 * DAY);
  await sink.insert("User", ["id", "email", "name", "role", "passwordHash", "passwordChangedAt", "createdAt", "updatedAt"], people.map((p) => [p.id, p.email, p.name, p.role, hash, created, created, created]));
  people.forEach((p, i) => audit.add(created.getTime() + i * 1000, SYSTEM, "user.create", "User", p.id, { email: p.email, name: p.name, role: p.role }));
  return people;
}

/** An integration key with a fixed id, written as mintKey writes it (secret discarded). */
export async function seedIntegrationKey(sink: Sink, audit: AuditStream, opts: { label: string; name: string; scopes: string[]; aiSystemId?: string; createdBy: Person; at: number }): Promise<AuditActor> {
  const id = cuidOf(`api-key:${opts.label}`);
  const key = `ocd_${randomBytes(32).toString("base64url")}`;
  const scopes = [...new Set(opts.scopes)].sort().join(",");
  await sink.insert("ApiKey", ["id", "name", "prefix", "keyHash", "scopes", "userId", "createdById", "createdAt", "aiSystemId"], [[id, opts.name, key.slice(0, 12), hashApiKey(key), scopes, null, opts.createdBy.id, new Date(opts.at), opts.aiSystemId ?? null]]);
  audit.add(opts.at, opts.createdBy.actor, "apikey.create", "ApiKey", id, { name: opts.name, scopes: opts.scopes, userEmail: null, aiSystemId: opts.aiSystemId ?? null });
  return ["api_key", id, `api-key:${opts.name}`, "198.51.100.20"];
}

/**
 * The benchmark's key, through the app: bound to the admin, with every scope one key may
 * hold. decisions:write is the exception: the app gives it only to a key bound to an AI
 * system, which then may hold nothing else (lib/server/api-keys/create-api-key.ts).
 */
export async function mintBenchKey(adminEmail: string) {
  const scopes = SCOPE_NAMES.filter((s) => s !== "decisions:write");
  const k = await createApiKey(SYSTEM_CLI, { name: "Benchmark (all scopes)", scopes, userEmail: adminEmail });
  return k.key;
}
