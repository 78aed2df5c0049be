// Shared by the concurrency tests: requests to the real route handlers, fired together.
import { randomBytes } from "node:crypto";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";

export const N = 20;
export const uid = (p: string) => `${p}-${randomBytes(4).toString("hex")}`;

type Route<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
export type Answer = { status: number; body: unknown; replayed: boolean };

export async function keyFor(scopes: string[], opts: { userEmail?: string; aiSystemId?: string } = {}) {
  return (await createApiKey(SYSTEM_CLI, { name: uid("race"), scopes, ...opts })).key;
}

/** One POST through the route module, as Next would call it. */
export async function post<P>(route: Route<P>, key: string, body: unknown, params: P, headers: Record<string, string> = {}): Promise<Answer> {
  const req = new Request("http://localhost/api/v1/race", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const res = await route(req, { params: Promise.resolve(params) });
  return { status: res.status, body: await res.json(), replayed: res.headers.get("idempotent-replayed") === "true" };
}

/** N calls released together; their answers in order. */
export function burst<T>(call: (i: number) => Promise<T>, n = N): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => call(i)));
}

/** "201 x19, 409 x1": the answers' statuses, for failure messages that show the whole burst. */
export function tally(answers: { status: number }[]): string {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([s, c]) => `${s} x${c}`).join(", ");
}

/** Runs a lib/server call and reports its outcome as a status (AppError codes map as the API does). */
export async function outcome(p: Promise<unknown>): Promise<{ status: number; error?: string }> {
  const { ERROR_STATUS, isAppError } = await import("@/lib/errors");
  try {
    await p;
    return { status: 201 };
  } catch (e) {
    if (isAppError(e)) return { status: ERROR_STATUS[e.code], error: e.message };
    return { status: 500, error: String(e) };
  }
}
