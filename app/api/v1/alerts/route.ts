import type { z } from "zod";
import type { alertQuerySchema } from "@/lib/alerts/schemas";
import { listAlerts } from "@/lib/server/alerts/alerts";
import { apiRoute, declared } from "@/lib/server/api/route";

export const GET = apiRoute(declared("get", "/api/v1/alerts"), async ({ actor, query }) => Response.json(await listAlerts(actor, query as z.output<typeof alertQuerySchema>)));
