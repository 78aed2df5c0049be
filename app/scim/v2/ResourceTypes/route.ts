import { listResponse } from "@/lib/scim/protocol";
import { resourceTypes } from "@/lib/scim/discovery";
import { scimRoute } from "@/lib/server/scim/route";

export const GET = scimRoute(async (_req, { base }) => {
  const all = resourceTypes(base);
  return { status: 200, body: listResponse(all, all.length, 1) };
});
