import { auditQuerySchema } from "@/lib/api/schemas";
import { AppError, zodDetails } from "@/lib/errors";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { listAuditEvents } from "@/lib/server/audit/list-audit";

export const GET = withApiKey(
  async (req, { actor }) => {
    const query = auditQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) throw new AppError("VALIDATION", "Invalid query parameters.", zodDetails(query.error.issues));
    return Response.json(await listAuditEvents(actor, query.data));
  },
  { scopes: ["audit:read"] },
);
