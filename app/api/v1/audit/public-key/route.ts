import { errorResponse, jsonNoStore } from "@/lib/api/respond";
import { auditPublicKeys } from "@/lib/server/audit/public-keys";

export const dynamic = "force-dynamic";

// No authentication: the point of a public key is that anyone can check the heads with it.
export async function GET() {
  try {
    return jsonNoStore(auditPublicKeys());
  } catch (e) {
    return errorResponse(e);
  }
}
