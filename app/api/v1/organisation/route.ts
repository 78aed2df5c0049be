import { readJson } from "@/lib/server/api/read-json";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { recomputeOpenIncidents } from "@/lib/server/breaches/recompute-open";
import { getOrganisationProfile, updateOrganisationProfile } from "@/lib/server/organisation/profile";

export const GET = withApiKey(async (_req, { actor }) => Response.json(await getOrganisationProfile(actor)), { scopes: ["organisation:read"] });

export const PUT = withApiKey(
  async (req, { actor }) => Response.json(await updateOrganisationProfile(actor, await readJson(req), recomputeOpenIncidents)),
  { scopes: ["organisation:write"] },
);
