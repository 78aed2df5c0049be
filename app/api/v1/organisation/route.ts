import { apiRoute, declared } from "@/lib/server/api/route";
import { recomputeOpenIncidents } from "@/lib/server/breaches/recompute-open";
import { getOrganisationProfile, updateOrganisationProfile } from "@/lib/server/organisation/profile";

export const GET = apiRoute(declared("get", "/api/v1/organisation"), async ({ actor }) => Response.json(await getOrganisationProfile(actor)));

export const PUT = apiRoute(declared("put", "/api/v1/organisation"), async ({ actor, body }) => Response.json(await updateOrganisationProfile(actor, body, recomputeOpenIncidents)));
