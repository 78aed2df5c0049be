import type { z } from "zod";
import type { treeHeadQuerySchema } from "@/lib/api/audit-schemas";
import { apiRoute, declared } from "@/lib/server/api/route";
import { listTreeHeads } from "@/lib/server/audit/proofs";

export const GET = apiRoute(declared("get", "/api/v1/audit/tree-heads"), async ({ actor, query }) => {
  const { from, to, after, limit } = query as z.output<typeof treeHeadQuerySchema>;
  // An integer bounds the tree size, an ISO time bounds the timestamp.
  return Response.json(
    await listTreeHeads(actor, {
      ...(typeof from === "number" ? { from } : from ? { since: new Date(from) } : {}),
      ...(typeof to === "number" ? { to } : to ? { until: new Date(to) } : {}),
      after,
      limit,
    }),
  );
});
