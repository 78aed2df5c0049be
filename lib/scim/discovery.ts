// Pure: the discovery documents (RFC 7643 §5-7) that tell a SCIM client what this server does.
import { URN } from "@/lib/scim/protocol";

export function serviceProviderConfig(base: string) {
  return {
    schemas: [URN.spc],
    documentationUri: `${base}/docs`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [{ type: "oauthbearertoken", name: "Bearer token", description: "A token minted by an admin, or SCIM_TOKEN.", primary: true }],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/scim/v2/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string) {
  return [
    { schemas: [URN.resourceType], id: "User", name: "User", endpoint: "/Users", schema: URN.user, meta: { resourceType: "ResourceType", location: `${base}/scim/v2/ResourceTypes/User` } },
    { schemas: [URN.resourceType], id: "Group", name: "Group", endpoint: "/Groups", schema: URN.group, meta: { resourceType: "ResourceType", location: `${base}/scim/v2/ResourceTypes/Group` } },
  ];
}

const attr = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, type, multiValued: false, required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none", ...extra });

export function schemas(base: string) {
  return [
    {
      schemas: [URN.schema], id: URN.user, name: "User", description: "User account",
      attributes: [
        attr("userName", "string", { required: true, uniqueness: "server" }),
        attr("displayName", "string"),
        attr("name", "complex", { subAttributes: [attr("formatted", "string"), attr("givenName", "string"), attr("familyName", "string")] }),
        attr("emails", "complex", { multiValued: true, subAttributes: [attr("value", "string"), attr("primary", "boolean"), attr("type", "string")] }),
        attr("active", "boolean"),
        attr("externalId", "string", { caseExact: true }),
        attr("groups", "complex", { multiValued: true, mutability: "readOnly", subAttributes: [attr("value", "string"), attr("display", "string")] }),
      ],
      meta: { resourceType: "Schema", location: `${base}/scim/v2/Schemas/${URN.user}` },
    },
    {
      schemas: [URN.schema], id: URN.group, name: "Group", description: "Group; membership maps to a role",
      attributes: [
        attr("displayName", "string", { required: true, uniqueness: "server" }),
        attr("externalId", "string", { caseExact: true }),
        attr("members", "complex", { multiValued: true, subAttributes: [attr("value", "string", { mutability: "immutable" }), attr("display", "string", { mutability: "readOnly" })] }),
      ],
      meta: { resourceType: "Schema", location: `${base}/scim/v2/Schemas/${URN.group}` },
    },
  ];
}
