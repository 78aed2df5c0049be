import { withApiKey } from "@/lib/server/api/with-api-key";
import { lookupSubjectConsent } from "@/lib/server/consent/subjects";

export const GET = withApiKey<{ subjectId: string }>(
  async (_req, { actor, params }) => Response.json(await lookupSubjectConsent(actor, params.subjectId)),
  { scopes: ["consent:read"], rateLimit: "highVolume" },
);
