import type { z } from "zod";
import type { auditQuerySchema } from "@/lib/api/schemas";
import { apiRoute, declared } from "@/lib/server/api/route";
import { listAuditEvents } from "@/lib/server/audit/list-audit";

export const GET = apiRoute(declared("get", "/api/v1/audit/events"), async ({ actor, query }) => Response.json(await listAuditEvents(actor, query as z.output<typeof auditQuerySchema>)));
