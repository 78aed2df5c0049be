import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { authOptions, sessionCookieName } from "@/lib/server/auth/next-auth-options";

function setEnv(url: string) {
  Object.assign(process.env, {
    DATABASE_URL: "file:./data/unused.db",
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: "s".repeat(40),
    FIELD_ENCRYPTION_KEYS: `k:${randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
    AUDIT_CHECKPOINT_KEY: randomBytes(32).toString("base64"),
  });
  resetEnvCache();
}

describe("session cookie", () => {
  afterEach(() => resetEnvCache());

  it("behind HTTPS is __Host- prefixed, Secure, HttpOnly, Path=/ and has no Domain", () => {
    setEnv("https://compliance.example.org");
    expect(sessionCookieName()).toBe("__Host-next-auth.session-token");
    const opts = authOptions();
    expect(opts.useSecureCookies).toBe(true);
    expect(opts.cookies?.sessionToken?.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
  });

  it("on plain http (local demo) cannot be Secure, so it has no prefix", () => {
    setEnv("http://localhost:3000");
    expect(sessionCookieName()).toBe("next-auth.session-token");
    expect(authOptions().cookies?.sessionToken?.options.secure).toBe(false);
  });

  it("the browser-visible session object exposes no session id or token", async () => {
    setEnv("http://localhost:3000");
    const session = await authOptions().callbacks!.session!({ session: { expires: "x", user: { name: "A", email: "a@b.c" } }, token: { sid: "secret-session-id" } } as never);
    expect(JSON.stringify(session)).not.toContain("secret-session-id");
  });
});
