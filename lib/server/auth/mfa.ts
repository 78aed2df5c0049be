import "server-only";
// Security-sensitive: a user enrols their own TOTP authenticator.
import QRCode from "qrcode";
import { generateRecoveryCodes, generateTotpSecret, otpauthUrl, verifyTotp } from "@/lib/crypto/totp";
import { AppError } from "@/lib/errors";
import { totpCodeSchema } from "@/lib/validation/users";
import type { Actor } from "@/lib/server/actor";
import { appendAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { decrypt, encrypt } from "@/lib/server/keys";
import { consumeSecondFactor, mfaContext, recoveryCodeHash } from "@/lib/server/auth/sign-in";
import { confirmCurrentPassword } from "@/lib/server/users/change-password";

const ISSUER = "Oversight Dashboard";

function selfId(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person can manage their own MFA.");
  return actor.userId;
}

export async function getMfaStatus(actor: Actor) {
  await requirePermission(actor, "account:self");
  const user = await db().user.findUniqueOrThrow({ where: { id: selfId(actor) }, select: { mfaEnabledAt: true } });
  const remaining = await db().recoveryCode.count({ where: { userId: selfId(actor), usedAt: null } });
  return { enabled: !!user.mfaEnabledAt, enabledAt: user.mfaEnabledAt?.toISOString() ?? null, recoveryCodesLeft: remaining };
}

/** Starts (or restarts) enrolment: a new secret, not active until a code confirms it. */
export async function beginMfaEnrolment(actor: Actor) {
  await requirePermission(actor, "account:self");
  const userId = selfId(actor);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (user.mfaEnabledAt) throw new AppError("CONFLICT", "MFA is already on for this account. An admin can reset it if you lost your device.");
  const secret = generateTotpSecret();
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { mfaSecretEnc: encrypt(secret, mfaContext(userId)), mfaLastStep: 0 } });
    await appendAudit(tx, actor, { action: "user.mfa.enrolment.start", entityType: "User", entityId: userId });
  });
  const url = otpauthUrl(secret, user.email, ISSUER);
  return { secret, otpauthUrl: url, qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 220 }) };
}

/** Turning MFA on needs the current password too: a stolen session alone must not bind the thief's authenticator. */
export async function confirmMfaEnrolment(actor: Actor, codeInput: unknown, currentPassword: unknown) {
  await requirePermission(actor, "account:self");
  const userId = selfId(actor);
  const code = totpCodeSchema.safeParse(codeInput);
  if (!code.success) throw new AppError("VALIDATION", `The code ${code.error.issues[0]?.message}.`);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (user.mfaEnabledAt) throw new AppError("CONFLICT", "MFA is already on for this account.");
  await confirmCurrentPassword(userId, user.passwordHash, currentPassword);
  if (!user.mfaSecretEnc) throw new AppError("CONFLICT", "Start the enrolment first.");
  const step = verifyTotp(decrypt(user.mfaSecretEnc, mfaContext(userId)), code.data, Date.now());
  if (step === null) throw new AppError("VALIDATION", "That code does not match. Check the time on your phone and try the next code.");
  const codes = generateRecoveryCodes();
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { mfaEnabledAt: new Date(), mfaLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: recoveryCodeHash(userId, c) })) });
    if (actor.kind === "user" && actor.sessionId) {
      await tx.authSession.update({ where: { id: actor.sessionId }, data: { mfaPassed: true } });
    }
    await appendAudit(tx, actor, { action: "user.mfa.enable", entityType: "User", entityId: userId });
  });
  return { recoveryCodes: codes };
}

export async function regenerateRecoveryCodes(actor: Actor, codeInput: unknown) {
  await requirePermission(actor, "account:self");
  const userId = selfId(actor);
  const code = totpCodeSchema.safeParse(codeInput);
  if (!code.success) throw new AppError("VALIDATION", `The code ${code.error.issues[0]?.message}.`);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.mfaEnabledAt || !user.mfaSecretEnc) throw new AppError("CONFLICT", "Turn MFA on first.");
  if (!(await consumeSecondFactor(userId, user.mfaSecretEnc, code.data, new Date()))) {
    throw new AppError("VALIDATION", "That code is wrong or was already used.");
  }
  const codes = generateRecoveryCodes();
  await db().$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: recoveryCodeHash(userId, c) })) });
    await appendAudit(tx, actor, { action: "user.mfa.recovery_codes.regenerate", entityType: "User", entityId: userId });
  });
  return { recoveryCodes: codes };
}
