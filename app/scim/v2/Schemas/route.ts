import { listResponse } from "@/lib/scim/protocol";
import { schemas } from "@/lib/scim/discovery";
import { scimRoute } from "@/lib/server/scim/route";

export const GET = scimRoute(async (_req, { base }) => {
  const all = schemas(base);
  return { status: 200, body: listResponse(all, all.length, 1) };
});
