// A small SCIM client for the tests: it speaks RFC 7644 over Request/Response to the
// route handlers themselves (the same functions Next.js serves), nothing mocked.
import * as users from "@/app/scim/v2/Users/route";
import * as user from "@/app/scim/v2/Users/[id]/route";
import * as groups from "@/app/scim/v2/Groups/route";
import * as group from "@/app/scim/v2/Groups/[id]/route";
import * as spc from "@/app/scim/v2/ServiceProviderConfig/route";
import * as resourceTypes from "@/app/scim/v2/ResourceTypes/route";
import * as schemas from "@/app/scim/v2/Schemas/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: { pattern: RegExp; module: Record<string, unknown> }[] = [
  { pattern: /^\/scim\/v2\/Users$/, module: users },
  { pattern: /^\/scim\/v2\/Users\/(?<id>[^/]+)$/, module: user },
  { pattern: /^\/scim\/v2\/Groups$/, module: groups },
  { pattern: /^\/scim\/v2\/Groups\/(?<id>[^/]+)$/, module: group },
  { pattern: /^\/scim\/v2\/ServiceProviderConfig$/, module: spc },
  { pattern: /^\/scim\/v2\/ResourceTypes$/, module: resourceTypes },
  { pattern: /^\/scim\/v2\/Schemas$/, module: schemas },
];

export type ScimResponse = { status: number; contentType: string | null; body: any };

export function scimClient(token: string | null) {
  return async function call(method: string, pathAndQuery: string, body?: unknown, rawBody?: string): Promise<ScimResponse> {
    const url = new URL(pathAndQuery, "http://scim.test");
    const route = ROUTES.find((r) => r.pattern.test(url.pathname));
    if (!route) throw new Error(`no route for ${url.pathname}`);
    const handler = route.module[method] as Handler | undefined;
    if (!handler) return { status: 405, contentType: null, body: null };
    const params = { ...(route.pattern.exec(url.pathname)?.groups ?? {}) };
    const headers: Record<string, string> = { "content-type": "application/scim+json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = new Request(url, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const res = await handler(req, { params: Promise.resolve(params) });
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get("content-type"), body: text ? JSON.parse(text) : null };
  };
}

export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
