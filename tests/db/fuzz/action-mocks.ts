// What a server action needs from Next and from the sign-in, for calling actions in-process
// in the fuzz and race tests. The session is lib/server/auth/current-actor.ts's job in Next;
// here tests/db/forms/actions-helpers.ts sets it. Request headers are a fixed client; a
// pending SSO step-up is a fixture person's. Password hashing is a fast stand-in: argon2id's
// 19 MiB per call is not what is under test, and 1,000 runs of it would be the whole budget.
import { vi } from "vitest";

export const stepUp: { pending: { sessionId: string; userId: string; email: string; name: string } | null } = { pending: null };

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "fuzz", "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

vi.mock("@/lib/server/auth/step-up", async (original) => ({ ...(await original<object>()), pendingStepUp: async () => stepUp.pending }));

vi.mock("@/lib/server/users/password", () => ({
  hashPassword: async (p: string) => `fast$${p}`,
  verifyPassword: async (stored: string | null, p: string) => stored === `fast$${p}`,
}));

/** What an action call ended in: its result, or one of Next's redirect/notFound signals. */
export type Outcome = { result: { ok: boolean; message?: string } } | { signal: string };

export async function invoke(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { result: (await call()) as { ok: boolean; message?: string } };
  } catch (e) {
    const digest = e && typeof e === "object" && "digest" in e ? String((e as { digest: unknown }).digest) : "";
    if (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { signal: digest.split(";").slice(0, 3).join(";") };
    throw e;
  }
}

export const GENERIC_FAILURE = "Something went wrong on our side";
