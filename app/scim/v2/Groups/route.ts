import { parsePaging } from "@/lib/scim/protocol";
import { createGroup, listGroups } from "@/lib/server/scim/groups";
import { scimRoute } from "@/lib/server/scim/route";

export const GET = scimRoute(async (_req, { base, url }) => ({ status: 200, body: await listGroups(base, url.searchParams, parsePaging(url.searchParams)) }));
export const POST = scimRoute(async (_req, { actor, base, body }) => ({ status: 201, body: await createGroup(actor, base, await body()) }));
