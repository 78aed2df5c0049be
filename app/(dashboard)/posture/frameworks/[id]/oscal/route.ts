import { jsonDownload } from "@/lib/server/posture/frameworks/download";
import { exportFrameworkOscal } from "@/lib/server/posture/frameworks/oscal";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = decodeURIComponent((await params).id);
  return jsonDownload(`${id}.oscal-catalog.json`, (actor) => exportFrameworkOscal(actor, id));
}
