// Pure: the parts of SCIM 2.0 (RFC 7643/7644) this server speaks: schema URNs, the error
// shape, the one filter a provisioning client needs (`userName eq "..."`, `displayName eq
// "..."`), paging, and validated request bodies.
import { z } from "zod";

export const SCIM_CONTENT_TYPE = "application/scim+json";
export const URN = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  list: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patch: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  spc: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

/** RFC 7644 §3.12 scimType values used here. */
export type ScimType = "invalidFilter" | "invalidSyntax" | "invalidValue" | "uniqueness" | "mutability" | "noTarget" | "invalidPath" | "tooMany";

export class ScimError extends Error {
  constructor(public readonly status: number, message: string, public readonly scimType?: ScimType) {
    super(message);
  }
}

export function scimErrorBody(e: ScimError) {
  return { schemas: [URN.error], status: String(e.status), ...(e.scimType ? { scimType: e.scimType } : {}), detail: e.message };
}

export type EqFilter = { attribute: string; value: string };

/** Parses `attr eq "value"`; anything else is refused (400 invalidFilter), never guessed at. */
export function parseEqFilter(filter: string | null, allowed: readonly string[]): EqFilter | null {
  if (filter === null || filter.trim() === "") return null;
  const m = /^\s*([A-Za-z][\w.]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (!m) throw new ScimError(400, 'Only filters of the form attribute eq "value" are supported.', "invalidFilter");
  const [, name = "", raw = ""] = m;
  const attribute = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
  if (!attribute) throw new ScimError(400, `Filtering on ${name} is not supported; use ${allowed.join(" or ")}.`, "invalidFilter");
  return { attribute, value: raw.replace(/\\(.)/g, "$1") };
}

export const MAX_PAGE = 200;

/** startIndex is 1-based (RFC 7644 §3.4.2.4); out-of-range values are clamped, as the RFC asks. */
export function parsePaging(params: URLSearchParams) {
  const num = (name: string, fallback: number) => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n)) throw new ScimError(400, `${name} must be an integer.`, "invalidValue");
    return n;
  };
  return { startIndex: Math.max(1, num("startIndex", 1)), count: Math.min(MAX_PAGE, Math.max(0, num("count", 100))) };
}

export function listResponse<T>(resources: T[], total: number, startIndex: number) {
  return { schemas: [URN.list], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}

const nameSchema = z.object({ formatted: z.string().max(200).optional(), givenName: z.string().max(100).optional(), familyName: z.string().max(100).optional() }).partial();
const emailSchema = z.object({ value: z.email(), primary: z.boolean().optional(), type: z.string().optional() });

export const scimUserSchema = z.object({
  schemas: z.array(z.string()).optional(),
  userName: z.email({ error: "userName must be an email address" }).max(254),
  externalId: z.string().max(200).optional(),
  name: nameSchema.optional(),
  displayName: z.string().max(200).optional(),
  emails: z.array(emailSchema).max(10).optional(),
  active: z.boolean().optional(),
});
export type ScimUserInput = z.infer<typeof scimUserSchema>;

const memberSchema = z.object({ value: z.string().min(1).max(100), display: z.string().optional() });
export const scimGroupSchema = z.object({
  schemas: z.array(z.string()).optional(),
  displayName: z.string().trim().min(1).max(200),
  externalId: z.string().max(200).optional(),
  members: z.array(memberSchema).max(10_000).optional(),
});
export type ScimGroupInput = z.infer<typeof scimGroupSchema>;

export const patchSchema = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(URN.patch), { message: `schemas must include ${URN.patch}` }),
  Operations: z
    .array(z.object({ op: z.string().transform((s) => s.toLowerCase()).pipe(z.enum(["add", "remove", "replace"])), path: z.string().max(300).optional(), value: z.unknown().optional() }))
    .min(1)
    .max(1000),
});
export type PatchOp = z.infer<typeof patchSchema>["Operations"][number];

/** Zod failure → 400 invalidValue naming the field (RFC 7644 §3.12). */
export function parseOrScimError<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new ScimError(400, `${where}${issue?.message ?? "invalid body"}`, issue?.code === "invalid_type" && issue.path.length === 0 ? "invalidSyntax" : "invalidValue");
}

/** Member ids named by a PATCH path such as `members[value eq "id"]`, or by its value. */
export function patchMemberIds(op: PatchOp): string[] {
  const m = op.path ? /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i.exec(op.path) : null;
  if (m?.[1]) return [m[1]];
  const value = op.value;
  const list = Array.isArray(value) ? value : value && typeof value === "object" && "members" in value ? (value as { members: unknown }).members : [];
  if (!Array.isArray(list)) throw new ScimError(400, "members must be a list of { value }.", "invalidValue");
  return list.map((v) => {
    const parsed = memberSchema.safeParse(v);
    if (!parsed.success) throw new ScimError(400, "Each member must be { value: <user id> }.", "invalidValue");
    return parsed.data.value;
  });
}
