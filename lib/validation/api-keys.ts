import { z } from "zod";
import { SCOPE_NAMES, isScope } from "@/lib/auth/permissions";
import { emailSchema } from "@/lib/validation/users";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  scopes: z
    .array(z.string().trim())
    .min(1, "needs at least one scope")
    .refine((s) => s.every(isScope), { message: `must each be one of ${SCOPE_NAMES.join(", ")}` }),
  userEmail: emailSchema.optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** Binds the key to one AI system (oversight): only decisions:* scopes then. */
  aiSystemId: z.string().trim().min(1).max(100).optional(),
});

/** Scopes a key bound to an AI system may carry; decisions:write needs such a binding. */
export const AI_SYSTEM_KEY_SCOPES = ["decisions:read", "decisions:write"] as const;
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
