// Input schemas shared by forms, server actions, the CLI and the API.
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be a valid email address" }));

// NIST SP 800-63B: length over composition rules.
export const passwordSchema = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(256, "must be at most 256 characters");

export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "is required").max(200),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "is required"),
  newPassword: passwordSchema,
});

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app");
