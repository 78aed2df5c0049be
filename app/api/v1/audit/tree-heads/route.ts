import { treeHeadQuerySchema } from "@/lib/api/audit-schemas";
import { AppError, zodDetails } from "@/lib/errors";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { listTreeHeads } from "@/lib/server/audit/proofs";

export const GET = withApiKey(
  async (req, { actor }) => {
    const q = treeHeadQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!q.success) throw new AppError("VALIDATION", "Invalid query parameters.", zodDetails(q.error.issues));
    const { from, to, after, limit } = q.data;
    // An integer bounds the tree size, an ISO time bounds the timestamp.
    return Response.json(
      await listTreeHeads(actor, {
        ...(typeof from === "number" ? { from } : from ? { since: new Date(from) } : {}),
        ...(typeof to === "number" ? { to } : to ? { until: new Date(to) } : {}),
        after,
        limit,
      }),
    );
  },
  { scopes: ["audit:read"] },
);
