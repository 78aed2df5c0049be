import { getGroup, patchGroup, replaceGroup } from "@/lib/server/scim/groups";
import { scimRoute } from "@/lib/server/scim/route";

type P = { id: string };
export const GET = scimRoute<P>(async (_req, { base, params }) => ({ status: 200, body: await getGroup(base, params.id) }));
export const PUT = scimRoute<P>(async (_req, { actor, base, params, body }) => ({ status: 200, body: await replaceGroup(actor, base, params.id, await body()) }));
export const PATCH = scimRoute<P>(async (_req, { actor, base, params, body }) => ({ status: 200, body: await patchGroup(actor, base, params.id, await body()) }));
