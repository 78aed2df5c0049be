import { jsonNoStore } from "@/lib/api/respond";
import { declared, publicApiRoute } from "@/lib/server/api/route";
import { auditPublicKeys } from "@/lib/server/audit/public-keys";

export const dynamic = "force-dynamic";

// No authentication: the point of a public key is that anyone can check the heads with it.
export const GET = publicApiRoute(declared("get", "/api/v1/audit/public-key"), async () => jsonNoStore(auditPublicKeys()));
