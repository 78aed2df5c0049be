import type { z } from "zod";
import type { consistencyQuerySchema } from "@/lib/api/audit-schemas";
import { apiRoute, declared } from "@/lib/server/api/route";
import { consistency } from "@/lib/server/audit/proofs";

export const GET = apiRoute(declared("get", "/api/v1/audit/consistency"), async ({ actor, query }) => {
  const q = query as z.output<typeof consistencyQuerySchema>;
  return Response.json(await consistency(actor, q.first, q.second));
});
