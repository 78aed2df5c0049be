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
  // The database could not finish in time (overloaded, a lock held too long); nothing was
  // written and the same request may simply be sent again (with Retry-After).
  UNAVAILABLE: 503,
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

/**
 * The database gave up on the work rather than refusing it: an interactive transaction that
 * ran past its timeout or could not start within maxWait (Prisma P2028), a write conflict or
 * deadlock (P2034; PostgreSQL 40001 / 40P01), an operation or statement timeout (P1008;
 * PostgreSQL 57014, statement_timeout). The transaction was rolled back, so nothing was
 * written, and sending the request again is safe; that is what the person is told.
 */
export function isTransientDbError(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const code = (e as { code?: unknown }).code;
  if (code === "P2028" || code === "P2034" || code === "P1008") return true;
  // The pg driver's own error (a hot path outside Prisma), or Prisma's wrapping of it.
  const pgCode = (e as { meta?: { code?: unknown }; cause?: { code?: unknown } }).meta?.code ?? (e as { cause?: { code?: unknown } }).cause?.code ?? code;
  return pgCode === "40001" || pgCode === "40P01" || pgCode === "57014";
}

export const BUSY_MESSAGE = "The database was too busy to finish this in time. Nothing was saved; try again in a moment.";
/** Seconds a client should wait before sending a request the database was too busy for. */
export const BUSY_RETRY_AFTER_S = 5;

/** The answer when a unique violation reaches the edge unmapped (lib/api/respond.ts, lib/action-result.ts). */
export const UNIQUE_CONFLICT_MESSAGE = "Another request created or changed the same record at the same moment. Reload and try again.";
