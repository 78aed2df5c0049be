// Typed errors thrown by lib/server and mapped once to HTTP statuses (lib/api/respond.ts)
// and to form messages (server actions). Messages are written for the person reading
// them; internal details never go into them.

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  // A request with the same Idempotency-Key is still being processed; retry shortly.
  IDEMPOTENCY_IN_FLIGHT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  LOCKED: 423,
  // The body is larger than the route declares (checked before it is buffered whole).
  PAYLOAD_TOO_LARGE: 413,
  BAD_REQUEST: 400,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
    /** A schema refusal's zod issues and the input they refer to, so a form can word them (lib/forms/form-result.ts). */
    public readonly validation?: { issues: readonly unknown[]; input: unknown },
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns a zod error into a details list a client can act on: path and message. */
export function zodDetails(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** A schema refusal: details for clients, and the issues with their input for forms to word. */
export function validationError(message: string, issues: readonly { path: readonly PropertyKey[]; message: string }[], input: unknown): AppError {
  return new AppError("VALIDATION", message, zodDetails(issues), { issues, input });
}

/**
 * Prisma's unique-constraint violation (P2002). A check-then-insert ("no purpose with this
 * key yet? insert it") cannot see a concurrent request's uncommitted row, so the database's
 * unique index is what finally refuses the second one; that is a conflict, not a server error.
 */
export function isUniqueViolation(e: unknown): boolean {
  return !!e && typeof e === "object" && (e as { code?: unknown }).code === "P2002";
}

/** Runs `write`; a unique violation becomes `conflict()`, the error the pre-check would have thrown. */
export async function conflictOnUnique<T>(conflict: () => AppError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw isUniqueViolation(e) ? conflict() : e;
  }
}

/** The answer when a unique violation reaches the edge unmapped (lib/api/respond.ts, lib/action-result.ts). */
export const UNIQUE_CONFLICT_MESSAGE = "Another request created or changed the same record at the same moment. Reload and try again.";
