import { scimRoute } from "@/lib/server/scim/route";
import { deleteUser, getUser, patchUser, replaceUser } from "@/lib/server/scim/users";

type P = { id: string };
export const GET = scimRoute<P>(async (_req, { base, params }) => ({ status: 200, body: await getUser(base, params.id) }));
export const PUT = scimRoute<P>(async (_req, { actor, base, params, body }) => ({ status: 200, body: await replaceUser(actor, base, params.id, await body()) }));
export const PATCH = scimRoute<P>(async (_req, { actor, base, params, body }) => ({ status: 200, body: await patchUser(actor, base, params.id, await body()) }));
export const DELETE = scimRoute<P>(async (_req, { actor, params }) => {
  await deleteUser(actor, params.id);
  return { status: 204 };
});
