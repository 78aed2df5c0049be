import { AppError } from "@/lib/errors";

/** Parses a JSON request body; a malformed or oversized one is a 400, never a 500. */
export async function readJson(req: Request, maxBytes = 256_000): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("BAD_REQUEST", `The request body is larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
}
