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
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
