import { parsePaging } from "@/lib/scim/protocol";
import { scimRoute } from "@/lib/server/scim/route";
import { createUser, listUsers } from "@/lib/server/scim/users";

export const GET = scimRoute(async (_req, { base, url }) => ({ status: 200, body: await listUsers(base, url.searchParams, parsePaging(url.searchParams)) }));
export const POST = scimRoute(async (_req, { actor, base, body }) => ({ status: 201, body: await createUser(actor, base, await body()) }));
