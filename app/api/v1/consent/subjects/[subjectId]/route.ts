import { apiRoute, declared } from "@/lib/server/api/route";
import { lookupSubjectConsent } from "@/lib/server/consent/subjects";

export const GET = apiRoute<{ subjectId: string }>(declared("get", "/api/v1/consent/subjects/{subjectId}"), async ({ actor, params }) => Response.json(await lookupSubjectConsent(actor, params.subjectId)));
