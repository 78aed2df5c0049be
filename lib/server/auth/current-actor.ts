import "server-only";
// Security-sensitive: resolves the person behind a request from the session cookie and
// the server-side session row. Pages and server actions call this; it never trusts
// anything but the signed cookie.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isRole } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/server/actor";
import { mfaRequiredFor } from "@/lib/server/auth/sign-in";
import { awaitsStepUp, pendingStepUp, sessionFromCookie } from "@/lib/server/auth/step-up";
import { requestIp } from "@/lib/server/request-ip";

export type UserActor = Extract<Actor, { kind: "user" }>;

export async function currentActor(): Promise<UserActor | null> {
  const session = await sessionFromCookie();
  if (!session) return null;
  const role = isRole(session.user.role) ? session.user.role : null;
  if (!role) return null;
  // An SSO session waiting for our second factor is not signed in yet (lib/server/auth/step-up.ts).
  if (await awaitsStepUp(session, role)) return null;
  const h = await headers();
  // An SSO session whose IdP asserted a second factor (amr) is MFA-verified (decision 620).
  const idpMfa = session.authMethod === "oidc" && session.mfaPassed;
  const mustEnrol = !idpMfa && !session.user.mfaEnabledAt && (await mfaRequiredFor(role));
  return {
    kind: "user",
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    role,
    sessionId: session.id,
    ip: requestIp(h),
    mfaEnrolmentRequired: mustEnrol,
  };
}

/** For pages: the signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(opts: { allowMfaEnrolment?: boolean } = {}): Promise<UserActor> {
  const actor = await currentActor();
  if (!actor) redirect((await pendingStepUp()) ? "/login/step-up" : "/login");
  if (actor.mfaEnrolmentRequired && !opts.allowMfaEnrolment) redirect("/account?enrol=1");
  return actor;
}
