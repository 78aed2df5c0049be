import { jsonDownload } from "@/lib/server/posture/frameworks/download";
import { exportImplementationOscal } from "@/lib/server/posture/frameworks/oscal";
import { getSetting } from "@/lib/server/settings/settings";

export async function GET() {
  return jsonDownload("implementation.oscal-component-definition.json", async (actor) => exportImplementationOscal(actor, await getSetting("org.name")));
}
