import { z } from "zod";
import { AppError } from "@/lib/errors";
import { withApiKey } from "@/lib/server/api/with-api-key";
import { eventProof } from "@/lib/server/audit/proofs";

const seqSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const GET = withApiKey<{ seq: string }>(
  async (_req, { actor, params }) => {
    const seq = seqSchema.safeParse(params.seq);
    if (!seq.success) throw new AppError("VALIDATION", "seq must be a positive integer.");
    return Response.json(await eventProof(actor, seq.data));
  },
  { scopes: ["audit:read"] },
);
