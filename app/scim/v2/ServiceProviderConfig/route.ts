import { serviceProviderConfig } from "@/lib/scim/discovery";
import { scimRoute } from "@/lib/server/scim/route";

export const GET = scimRoute(async (_req, { base }) => ({ status: 200, body: serviceProviderConfig(base) }));
