import { healthCheck } from "@/lib/server/health";
import { errorResponse, jsonNoStore } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return jsonNoStore(await healthCheck());
  } catch (e) {
    return errorResponse(e);
  }
}
