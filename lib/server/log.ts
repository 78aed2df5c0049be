import "server-only";
// The one logger: structured JSON lines (pino) on stdout (docs/decisions/008). Personal
// data never belongs in a log line; the redaction below is the safety net for fields that
// slip in (an error carrying a request, a diff with an email), not a licence to log them.
import pino, { type Logger } from "pino";

export const REDACT_PATHS = [
  "email", "*.email", "subject", "*.subject", "subjectId", "*.subjectId", "subjectRef", "*.subjectRef", "identifier", "*.identifier",
  "token", "*.token", "key", "*.key", "password", "*.password", "secret", "*.secret", "code", "*.code",
  "authorization", "*.authorization", "Authorization", "*.Authorization", "cookie", "*.cookie", "*.headers.cookie", "*.headers.authorization",
  "req.headers", "request.headers", "ip", "*.ip",
];

function make(): Logger {
  const quiet = process.env.VITEST === "true" || process.env.NODE_ENV === "test";
  return pino({
    level: process.env.LOG_LEVEL ?? (quiet ? "silent" : "info"),
    base: { service: "compliance-dashboard" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.err },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

const g = globalThis as unknown as { __appLog?: Logger };

export function log(): Logger {
  return (g.__appLog ??= make());
}

/** A child logger for one request: every line carries its id (set by proxy.ts). */
export function requestLog(req: Request): Logger {
  return log().child({ requestId: req.headers.get("x-request-id") ?? undefined });
}
