import { AppError } from "@/lib/errors";
import { assertSafeInput, jsonNestingExceeds, MAX_INPUT_DEPTH } from "@/lib/validation/safe-input";

/** Default cap for a JSON body; a route declares a larger one where its clients need it. */
export const DEFAULT_BODY_LIMIT = 256_000;

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than this endpoint accepts (${maxBytes} bytes). Send less per request (e.g. smaller batches).`);
}

/**
 * Reads the body's bytes, refusing it with 413 as soon as it passes `maxBytes`: a
 * Content-Length over the cap is refused before a byte is read, and a chunked or lying body
 * is cut off while streaming, so an oversized body is never held in memory whole.
 */
export async function readBodyBytes(req: Request, maxBytes: number, tooBig: () => AppError = () => tooLarge(maxBytes)): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooBig();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text, under the same cap. */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const bytes = await readBodyBytes(req, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8.");
  }
}

/**
 * Parses a JSON request body; a malformed, oversized or too-deep one is a 400/413/422, never a
 * 500. Depth is measured on the text before anything recursive runs; NUL characters and
 * lone surrogates anywhere in the body are refused naming the field (lib/validation/safe-input.ts).
 */
export async function readJson(req: Request, maxBytes = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readBodyText(req, maxBytes);
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
