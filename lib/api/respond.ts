// One mapping from typed errors to JSON responses for /api/v1/**. Unknown errors become
// a bare 500: no stack trace or driver message ever reaches a client.
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_S, ERROR_STATUS, isAppError, isTransientDbError, isUniqueViolation, UNIQUE_CONFLICT_MESSAGE, type ErrorCode } from "@/lib/errors";

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** `log` reports an unexpected error; the API wrapper passes its request logger (lib/server/log.ts). */
export function errorResponse(e: unknown, headers?: HeadersInit, log: (e: unknown) => void = (err) => console.error("unhandled API error", err)): Response {
  if (isAppError(e)) {
    return Response.json(errorBody(e.code, e.message, e.details), { status: ERROR_STATUS[e.code], headers });
  }
  // A race that a write did not map itself: still the client's conflict, never a 500.
  if (isUniqueViolation(e)) return Response.json(errorBody("CONFLICT", UNIQUE_CONFLICT_MESSAGE), { status: 409, headers });
  // The database gave up (timeout, deadlock) and rolled back: a retry is safe, so say so.
  if (isTransientDbError(e)) {
    log(e);
    const busy = new Headers(headers);
    busy.set("Retry-After", String(BUSY_RETRY_AFTER_S));
    return Response.json(errorBody("UNAVAILABLE", BUSY_MESSAGE), { status: 503, headers: busy });
  }
  log(e);
  return Response.json(errorBody("INTERNAL", "Something went wrong on our side. The error has been logged."), { status: 500, headers });
}

export function jsonNoStore(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", "no-store");
  return Response.json(body, { ...init, headers });
}
