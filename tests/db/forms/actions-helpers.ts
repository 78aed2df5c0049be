// Server actions in DB tests: the signed-in person comes from a session cookie in Next; here
// the test sets it, and revalidatePath (which needs Next's request store) is a no-op.
import { vi } from "vitest";
import type { Actor } from "@/lib/server/actor";

export const signedIn: { actor: Actor | null } = { actor: null };

vi.mock("@/lib/server/auth/current-actor", () => ({
  requireActor: async () => {
    if (!signedIn.actor) throw new Error("no actor signed in for this test");
    return signedIn.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

export function formOf(fields: Record<string, string | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f.set(k, v);
  return f;
}
