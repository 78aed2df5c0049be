import { AppError } from "@/lib/errors";
import { assertSafeInput, jsonNestingExceeds, MAX_INPUT_DEPTH } from "@/lib/validation/safe-input";

/**
 * Parses a JSON request body; a malformed, oversized or too-deep one is a 400/422, never a
 * 500. Depth is measured on the text before anything recursive runs; NUL characters and
 * lone surrogates anywhere in the body are refused naming the field (lib/validation/safe-input.ts).
 */
export async function readJson(req: Request, maxBytes = 256_000): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("BAD_REQUEST", `The request body is larger than ${maxBytes} bytes.`);
  if (jsonNestingExceeds(text)) throw new AppError("VALIDATION", `The request body is nested more than ${MAX_INPUT_DEPTH} levels deep.`, [{ path: "(body)", message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` }]);
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be valid JSON (Content-Type: application/json).");
  }
  assertSafeInput(body);
  return body;
}
