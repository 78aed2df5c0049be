import { consistencyQuerySchema } from "@/lib/api/audit-schemas";
import { AppError, zodDetails } from "@/lib/errors";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { consistency } from "@/lib/server/audit/proofs";

export const GET = withApiKey(
  async (req, { actor }) => {
    const q = consistencyQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!q.success) throw new AppError("VALIDATION", "Give first (and optionally second) as non-negative integer tree sizes.", zodDetails(q.error.issues));
    return Response.json(await consistency(actor, q.data.first, q.data.second));
  },
  { scopes: ["audit:read"] },
);
