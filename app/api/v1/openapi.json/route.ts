import { buildOpenApiDocument } from "@/lib/api/openapi";
import { declared, publicApiRoute } from "@/lib/server/api/route";

export const dynamic = "force-static";

export const GET = publicApiRoute(declared("get", "/api/v1/openapi.json"), async () => Response.json(buildOpenApiDocument()));
