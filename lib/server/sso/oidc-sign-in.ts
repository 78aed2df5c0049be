import "server-only";
// Security-sensitive: turns an OpenID Provider's verified ID token claims into one of our
// server-side sessions (decision 001), the same kind a password sign-in makes. next-auth
// has already checked the token's signature, issuer, audience, nonce/PKCE and state.
import type { Role } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/errors";
import type { ExternalIdentity, User } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { amrAssertsMfa, groupsFromClaim, roleForGroups } from "@/lib/sso/role-map";
import type { Actor } from "@/lib/server/actor";
import { appendAudit, recordAudit } from "@/lib/server/audit/append";
import { mfaRequiredFor } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { applyMappedRole, roleMap, SSO_ACTOR } from "@/lib/server/sso/provisioning";
import { createSession } from "@/lib/server/users/sessions";

/** Codes the sign-in page turns into sentences (app/login/sso-errors.ts). */
export type SsoRefusal = "SSO_NO_ROLE" | "SSO_UNKNOWN_USER" | "SSO_EMAIL_UNVERIFIED" | "SSO_DISABLED" | "SSO_MFA_REQUIRED" | "SSO_BAD_CLAIMS" | "SSO_ALREADY_LINKED";

export type OidcSignInResult =
  | { ok: true; sessionId: string; userId: string; email: string; name: string; stepUp: boolean }
  | { ok: false; code: SsoRefusal };

type Input = { issuer: string; claims: Record<string, unknown>; ip: string | null; userAgent: string | null };

export async function oidcSignIn(input: Input, retried = false): Promise<OidcSignInResult> {
  const { claims, issuer } = input;
  const anon: Actor = { kind: "anonymous", ip: input.ip };
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const refuse = async (code: SsoRefusal, userId?: string) => {
    await recordAudit(anon, { action: "auth.sso.refused", entityType: userId ? "User" : undefined, entityId: userId, diff: { reason: code, issuer, email: email || null } });
    return { ok: false as const, code };
  };
  if (!sub || !email) return refuse("SSO_BAD_CLAIMS");
  // Linking by email is only safe when the IdP vouches for the address.
  if (claims.email_verified !== true) return refuse("SSO_EMAIL_UNVERIFIED");
  const role = roleForGroups(roleMap(), groupsFromClaim(claims[env().OIDC_GROUPS_CLAIM]));
  if (!role) return refuse("SSO_NO_ROLE");
  const idpMfa = amrAssertsMfa(claims.amr);
  const stepUp = !idpMfa && (await mfaRequiredFor(role));

  const linked = await db().externalIdentity.findUnique({ where: { provider_subject: { provider: issuer, subject: sub } } });
  const existing = linked
    ? await db().user.findUnique({ where: { id: linked.userId } })
    : await db().user.findUnique({ where: { email } });
  if (!existing && env().OIDC_JIT !== "1") return refuse("SSO_UNKNOWN_USER");
  if (existing?.disabledAt) return refuse("SSO_DISABLED", existing.id);
  // The role needs a second factor the IdP did not assert: our TOTP is asked next (the
  // session starts pending, decision 621); someone without TOTP has no second factor to give.
  if (stepUp && !existing?.mfaEnabledAt) return refuse("SSO_MFA_REQUIRED", existing?.id);
  // The email matches an account that another identity at this IdP already owns: linking
  // a second one would let whoever holds that email at the IdP take the account over.
  if (!linked && existing && (await db().externalIdentity.count({ where: { provider: issuer, userId: existing.id } }))) {
    return refuse("SSO_ALREADY_LINKED", existing.id);
  }

  try {
    return await linkAndStart(input, { sub, email, role, idpMfa, stepUp, linked, existing });
  } catch (e) {
    // Two first sign-ins at once: one created or linked the user; the other starts over and
    // finds the link (decision 006: a unique violation is never a 500).
    if (isUniqueViolation(e) && !retried) return oidcSignIn(input, true);
    throw e;
  }
}

type Found = { sub: string; email: string; role: Role; idpMfa: boolean; stepUp: boolean; linked: ExternalIdentity | null; existing: User | null };

async function linkAndStart(input: Input, { sub, email, role, idpMfa, stepUp, linked, existing }: Found): Promise<OidcSignInResult> {
  const { claims, issuer } = input;
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  return db().$transaction(async (tx) => {
    let user = existing;
    if (!user) {
      user = await tx.user.create({ data: { email, name, role, passwordHash: "" } });
      await appendAudit(tx, SSO_ACTOR, { action: "user.create.jit", entityType: "User", entityId: user.id, diff: { email, role, issuer } });
    } else {
      await applyMappedRole(tx, SSO_ACTOR, user, role, "sso_groups");
    }
    if (!linked) {
      await tx.externalIdentity.create({ data: { provider: issuer, subject: sub, userId: user.id, lastLoginAt: new Date() } });
      await appendAudit(tx, SSO_ACTOR, { action: "user.sso.link", entityType: "User", entityId: user.id, diff: { issuer, by: existing ? "verified_email" : "jit" } });
    } else {
      await tx.externalIdentity.update({ where: { id: linked.id }, data: { lastLoginAt: new Date() } });
    }
    const sessionId = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, mfaPassed: idpMfa, authMethod: "oidc" });
    const actor: Actor = { kind: "user", userId: user.id, email: user.email, name: user.name, role, sessionId, ip: input.ip, mfaEnrolmentRequired: false };
    await appendAudit(tx, actor, { action: "auth.signin", entityType: "User", entityId: user.id, diff: { method: "oidc", issuer, mfa: idpMfa, ...(stepUp ? { stepUp: "totp" } : {}) } });
    return { ok: true as const, sessionId, userId: user.id, email: user.email, name: user.name, stepUp };
  });
}
