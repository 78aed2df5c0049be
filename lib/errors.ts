// Typed errors thrown by lib/server and mapped once to HTTP statuses (lib/api/respond.ts)
// and to form messages (server actions). Messages are written for the person reading
// them; internal details never go into them.

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  LOCKED: 423,
  BAD_REQUEST: 400,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
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
