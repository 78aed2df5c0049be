import "server-only";
import { AppError } from "@/lib/errors";

/** The request body as JSON, or a 400 a client can act on. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be valid JSON (Content-Type: application/json).");
  }
}
