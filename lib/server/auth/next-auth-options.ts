import "server-only";
// Security-sensitive: next-auth configuration. JWT sessions whose only claim that
// matters is `sid`, the id of a server-side AuthSession row (lib/server/users/sessions.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeRedirectUrl } from "@/lib/auth/safe-redirect";
import { headers } from "next/headers";
import { env, oidcConfigured } from "@/lib/env";
import { signIn, SignInError } from "@/lib/server/auth/sign-in";
import { signOutSession } from "@/lib/server/auth/sign-out";
import { requestIp } from "@/lib/server/request-ip";
import { oidcSignIn } from "@/lib/server/sso/oidc-sign-in";

/** The OpenID Provider id next-auth routes under /api/auth/{signin,callback}/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

// next-auth's generic OAuth provider in OIDC mode: discovery from the issuer, the ID
// token verified by openid-client, PKCE and state. The claims it yields are only read
// in the signIn callback, which makes our own session row (decision 620).
function oidcProviders(): NextAuthOptions["providers"] {
  const e = env();
  if (!oidcConfigured(e)) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: e.OIDC_SCOPES } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
      },
    },
  ];
}

export function secureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

/** `__Host-` binds the cookie to this exact origin (no Domain, Path=/, Secure). */
export function sessionCookieName(): string {
  return secureCookies() ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

export function authOptions(): NextAuthOptions {
  const secure = secureCookies();
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 3600 },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Authentication code", type: "text" },
        },
        async authorize(credentials, req) {
          const headers = new Headers();
          for (const [k, v] of Object.entries(req?.headers ?? {})) if (typeof v === "string") headers.set(k, v);
          try {
            const result = await signIn({
              email: String(credentials?.email ?? ""),
              password: String(credentials?.password ?? ""),
              code: credentials?.code ? String(credentials.code) : null,
              ip: requestIp(headers),
              userAgent: headers.get("user-agent"),
            });
            return { id: result.userId, email: result.email, name: result.name, sid: result.sessionId } as never;
          } catch (e) {
            // next-auth passes the message to the sign-in page as ?error=...; the form
            // maps the code to a sentence.
            if (e instanceof SignInError) throw new Error(`${e.code}:${e.message}`);
            throw e;
          }
        },
      }),
      ...oidcProviders(),
    ],
    callbacks: {
      // Password sign-ins were decided in authorize(); an SSO sign-in is decided here, from
      // the verified ID token claims. A refusal lands on the sign-in page with its reason.
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const h = await headers();
        const claims = (profile ?? {}) as Record<string, unknown>;
        const result = await oidcSignIn({
          issuer: typeof claims.iss === "string" ? claims.iss : env().OIDC_ISSUER!,
          claims,
          ip: requestIp(h),
          userAgent: h.get("user-agent"),
        });
        if (!result.ok) return `/login?error=${result.code}`;
        Object.assign(user, { id: result.userId, email: result.email, name: result.name, sid: result.sessionId });
        return true;
      },
      // Every redirect next-auth makes (after sign-in, sign-out, errors) stays on this origin.
      async redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      async jwt({ token, user }) {
        if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
        return token;
      },
      // What the browser may read from /api/auth/session: nothing secret.
      async session({ session }) {
        return { expires: session.expires, user: { name: session.user?.name, email: session.user?.email } };
      },
    },
    events: {
      async signOut({ token }) {
        if (token && typeof token.sid === "string") await signOutSession(token.sid);
      },
    },
  };
}
