import { buildOpenApiDocument } from "@/lib/api/openapi";
import { declared, publicApiRoute } from "@/lib/server/api/route";

export const dynamic = "force-static";

// The document depends only on the declarations: built once per process (the production
// build renders it statically; dev and in-process callers would otherwise rebuild it per call).
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = publicApiRoute(declared("get", "/api/v1/openapi.json"), async () => Response.json((document ??= buildOpenApiDocument())));
