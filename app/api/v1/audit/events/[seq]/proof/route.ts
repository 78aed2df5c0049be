import { z } from "zod";
import { AppError } from "@/lib/errors";
import { apiRoute, declared } from "@/lib/server/api/route";
import { eventProof } from "@/lib/server/audit/proofs";

const seqSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const GET = apiRoute<{ seq: string }>(declared("get", "/api/v1/audit/events/{seq}/proof"), async ({ actor, params }) => {
  const seq = seqSchema.safeParse(params.seq);
  if (!seq.success) throw new AppError("VALIDATION", "seq must be a positive integer.");
  return Response.json(await eventProof(actor, seq.data));
});
