import "server-only";
// Under tests, every /api/v1 response is compared with its declaration: a success status the
// operation does not declare, or a JSON body its declared schema refuses, turns the response
// into a 500 naming the mismatch. Every database test that calls a route is therefore also a
// contract test of the OpenAPI document clients are written against.
import type { Operation } from "@/lib/api/openapi";

/** Statuses any operation may answer with an error body (mapped from typed errors). */
const ERROR_STATUSES = new Set([400, 401, 403, 404, 409, 413, 422, 423, 429, 500, 503]);

export function contractChecksOn(): boolean {
  return process.env.NODE_ENV === "test" || process.env.API_CONTRACT_CHECK === "1";
}

function violation(op: Operation, what: string): Response {
  const message = `Response contract broken for ${op.method.toUpperCase()} ${op.path}: ${what}`;
  console.error(message);
  return Response.json({ error: { code: "INTERNAL", message } }, { status: 500 });
}

export async function checkResponseContract(op: Operation, res: Response): Promise<Response> {
  const declared = op.responses[res.status];
  if (!declared) {
    return ERROR_STATUSES.has(res.status) ? res : violation(op, `status ${res.status} is not declared`);
  }
  if (!declared.schema) return res;
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("json")) return res;
  const body: unknown = await res.clone().json();
  const parsed = declared.schema.safeParse(body);
  if (parsed.success) return res;
  const issue = parsed.error.issues[0];
  return violation(op, `status ${res.status} body does not match its schema at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
}
