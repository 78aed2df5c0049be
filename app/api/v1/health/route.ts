import { jsonNoStore } from "@/lib/api/respond";
import { declared, publicApiRoute } from "@/lib/server/api/route";
import { healthCheck } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export const GET = publicApiRoute(declared("get", "/api/v1/health"), async () => jsonNoStore(await healthCheck()));
