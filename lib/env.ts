// Parses the environment once, at start-up, and names every variable that is missing
// or malformed. Secrets come from the environment in production; `npm start` writes
// generated ones to data/secrets.json (mode 0600) and passes them in for the demo.
import { z } from "zod";
import { parseRoleMap } from "@/lib/sso/role-map";

const base64Key = (minBytes: number) =>
  z
    .string({ error: "is missing" })
    .refine((v) => Buffer.from(v, "base64").length >= minBytes, {
      message: `must be base64 of at least ${minBytes} random bytes`,
    });

const keyRingSpec = z
  .string({ error: "is missing" })
  .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+)*$/, {
    message: 'must be "kid:base64key[,kid:base64key...]", the first key active',
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is missing" })
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: 'must start with "file:" (SQLite) or "postgresql://"',
    }),
  NEXTAUTH_URL: z.url({ error: "must be the app's public origin, e.g. https://compliance.example.org" }).optional(),
  NEXTAUTH_SECRET: z.string({ error: "is missing" }).min(32, "must be at least 32 characters"),
  FIELD_ENCRYPTION_KEYS: keyRingSpec,
  BLIND_INDEX_KEY: base64Key(32),
  // The Ed25519 key that signs the audit log's tree heads (docs/decisions/005): a PKCS#8
  // PEM or base64, in AUDIT_SIGNING_KEY or in the file AUDIT_SIGNING_KEY_FILE names. It
  // must never be kept in the database; production keeps it away from the database host.
  // The server refuses to start without it (instrumentation.ts); a verifier with only the
  // public keys does not need it.
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  // Public keys that signed earlier heads (after a rotation), comma-separated base64 or
  // PEM; public, not secret.
  AUDIT_RETIRED_PUBLIC_KEYS: z.string().optional(),
  // Only to verify, once, the HMAC checkpoints of a log written before the Merkle tree.
  AUDIT_CHECKPOINT_KEY: base64Key(32).optional(),
  APP_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Europe/Berlin")
    .default("UTC"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  // Host names outbound callbacks may reach although they are internal (comma-separated).
  CALLBACK_ALLOWED_HOSTS: z.string().max(2000).default(""),
  // Single sign-on (docs/decisions/620): all three of issuer, client id and secret, or none.
  OIDC_ISSUER: z.url({ error: "must be the OpenID Provider's issuer URL" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(60).default("SSO"),
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  OIDC_ROLE_MAP: z
    .string()
    .default("")
    .superRefine((v, ctx) => {
      try {
        parseRoleMap(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    }),
  OIDC_JIT: z.enum(["0", "1"]).default("0"),
  OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  // A SCIM bearer token from the environment (tokens minted on the Admin page are better:
  // revocable and stored hashed).
  SCIM_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  // Email (docs/decisions/600): smtp://user:pass@host:587 (STARTTLS when offered) or
  // smtps://user:pass@host:465. Unset: email is off, the app says so and enqueues nothing.
  SMTP_URL: z
    .string()
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "smtp:" || u.protocol === "smtps:") && u.hostname !== "";
      } catch {
        return false;
      }
    }, 'must be "smtp://user:password@host:port" or "smtps://..."')
    .optional(),
  MAIL_FROM: z.string().regex(/^([^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/, 'must be an address, e.g. "Compliance <noreply@example.org>"').optional(),
  // The public origin for links in email; NEXTAUTH_URL when unset.
  APP_URL: z.url({ error: "must be the app's public origin, e.g. https://compliance.example.org" }).optional(),
}).superRefine((v, ctx) => {
  const oidc = [v.OIDC_ISSUER, v.OIDC_CLIENT_ID, v.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
      if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: "is missing (single sign-on needs issuer, client id and secret)" });
    }
  }
  if (v.OIDC_ISSUER && !v.OIDC_ROLE_MAP.trim()) {
    ctx.addIssue({ code: "custom", path: ["OIDC_ROLE_MAP"], message: "is empty: without a group-to-role map nobody can sign in with SSO" });
  }
})
  .refine((e) => !e.SMTP_URL || !!e.MAIL_FROM, { path: ["MAIL_FROM"], message: "is needed when SMTP_URL is set" })
  .refine((e) => !e.SMTP_URL || !!(e.APP_URL ?? e.NEXTAUTH_URL), { path: ["APP_URL"], message: "(or NEXTAUTH_URL) is needed when SMTP_URL is set: links in email must be absolute" });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvCache() {
  cached = undefined;
}

/** Whether single sign-on is configured. */
export function oidcConfigured(e: Env = env()): boolean {
  return !!(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}

export function databaseDialect(url = env().DATABASE_URL): "sqlite" | "postgresql" {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}
