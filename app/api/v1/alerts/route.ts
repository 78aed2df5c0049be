import { alertQuerySchema } from "@/lib/alerts/schemas";
import { AppError, zodDetails } from "@/lib/errors";
import { listAlerts } from "@/lib/server/alerts/alerts";
import { withApiKey } from "@/lib/server/api/with-api-key";

export const GET = withApiKey(
  async (req, { actor }) => {
    const query = alertQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) throw new AppError("VALIDATION", "Invalid query parameters.", zodDetails(query.error.issues));
    return Response.json(await listAlerts(actor, query.data));
  },
  { scopes: ["alerts:read"] },
);
