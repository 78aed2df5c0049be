import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { databaseDialect, parseEnv } from "./env";

const good = {
  DATABASE_URL: "file:./data/app.db",
  NEXTAUTH_SECRET: "x".repeat(40),
  FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
  BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
  AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
};

describe("environment validation (lib/env.ts)", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv(good);
    expect(env.APP_TIMEZONE).toBe("UTC");
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
  });

  it("names every missing variable", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL: is missing[\s\S]*NEXTAUTH_SECRET: is missing[\s\S]*FIELD_ENCRYPTION_KEYS[\s\S]*BLIND_INDEX_KEY/);
  });

  it.each([
    ["DATABASE_URL", "mysql://x", /DATABASE_URL: must start with "file:"/],
    ["NEXTAUTH_SECRET", "short", /NEXTAUTH_SECRET: must be at least 32/],
    ["FIELD_ENCRYPTION_KEYS", "no-colon", /FIELD_ENCRYPTION_KEYS: must be "kid:base64key/],
    ["BLIND_INDEX_KEY", "c2hvcnQ=", /BLIND_INDEX_KEY: must be base64 of at least 32/],
    ["APP_TIMEZONE", "Mars/Olympus", /APP_TIMEZONE: must be an IANA time zone/],
    ["NEXTAUTH_URL", "not a url", /NEXTAUTH_URL/],
  ])("names a malformed %s", (name, value, msg) => {
    expect(() => parseEnv({ ...good, [name]: value })).toThrow(msg);
  });

  it("validates the email settings: SMTP_URL needs MAIL_FROM and an origin for links", () => {
    expect(parseEnv(good).SMTP_URL).toBeUndefined();
    const on = { ...good, SMTP_URL: "smtps://u:p@mail.example.org:465", MAIL_FROM: "Compliance <noreply@example.org>", APP_URL: "https://c.example.org" };
    expect(parseEnv(on).SMTP_URL).toBe(on.SMTP_URL);
    expect(() => parseEnv({ ...on, SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL: must be "smtp:/);
    expect(() => parseEnv({ ...on, MAIL_FROM: undefined })).toThrow(/MAIL_FROM: is needed when SMTP_URL is set/);
    expect(() => parseEnv({ ...on, MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM: must be an address/);
    expect(() => parseEnv({ ...on, APP_URL: undefined })).toThrow(/APP_URL/);
    expect(parseEnv({ ...on, APP_URL: undefined, NEXTAUTH_URL: "https://c.example.org" }).SMTP_URL).toBe(on.SMTP_URL);
  });

  it("picks the dialect from the URL scheme", () => {
    expect(databaseDialect("file:./x.db")).toBe("sqlite");
    expect(databaseDialect("postgresql://u@h/db")).toBe("postgresql");
    expect(databaseDialect("postgres://u@h/db")).toBe("postgresql");
  });
});

describe("single sign-on environment", () => {
  const sso = { OIDC_ISSUER: "https://idp.example.org", OIDC_CLIENT_ID: "oversight", OIDC_CLIENT_SECRET: "s3cret", OIDC_ROLE_MAP: "privacy=compliance_officer" };

  it("is off by default and on with issuer, client and secret", async () => {
    const { oidcConfigured } = await import("./env");
    expect(oidcConfigured(parseEnv(good))).toBe(false);
    const e = parseEnv({ ...good, ...sso });
    expect(oidcConfigured(e)).toBe(true);
    expect(e.OIDC_GROUPS_CLAIM).toBe("groups");
    expect(e.OIDC_JIT).toBe("0");
  });

  it("names what is missing or malformed", () => {
    expect(() => parseEnv({ ...good, OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: is missing[\s\S]*OIDC_CLIENT_SECRET: is missing/);
    expect(() => parseEnv({ ...good, ...sso, OIDC_ROLE_MAP: "privacy=root" })).toThrow(/OIDC_ROLE_MAP: .*role must be one of/);
    expect(() => parseEnv({ ...good, ...sso, OIDC_ROLE_MAP: "" })).toThrow(/OIDC_ROLE_MAP: is empty/);
    expect(() => parseEnv({ ...good, SCIM_TOKEN: "short" })).toThrow(/SCIM_TOKEN: must be at least 32/);
  });
});
