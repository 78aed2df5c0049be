// One mapping from typed errors to JSON responses for /api/v1/**. Unknown errors become
// a bare 500: no stack trace or driver message ever reaches a client.
import { ERROR_STATUS, isAppError, type ErrorCode } from "@/lib/errors";

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function errorResponse(e: unknown, headers?: HeadersInit): Response {
  if (isAppError(e)) {
    return Response.json(errorBody(e.code, e.message, e.details), { status: ERROR_STATUS[e.code], headers });
  }
  console.error("unhandled API error", e);
  return Response.json(errorBody("INTERNAL", "Something went wrong on our side. The error has been logged."), { status: 500, headers });
}

export function jsonNoStore(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", "no-store");
  return Response.json(body, { ...init, headers });
}
