// Schemas of the audit log's transparency API (docs/decisions/005): signed tree heads,
// inclusion and consistency proofs, the public key. Handlers parse with them and the
// OpenAPI document is generated from them.
import { z } from "zod";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "SHA-256, lower-case hex" });

export const treeHeadSchema = z
  .object({
    headIndex: z.number().int().positive(),
    treeSize: z.number().int().nonnegative(),
    rootHash: hex64,
    timestamp: z.number().int().meta({ description: "milliseconds since the Unix epoch" }),
    kind: z.enum(["startup", "seal", "heartbeat", "shutdown"]),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    signature: z.string().meta({ description: "base64 Ed25519 signature over the head message" }),
  })
  .meta({ id: "SignedTreeHead" });

export const treeHeadPageSchema = z
  .object({ heads: z.array(treeHeadSchema), nextAfter: z.number().int().nullable() })
  .meta({ id: "SignedTreeHeadPage" });

const sizeOrTime = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime()]);
export const treeHeadQuerySchema = z.object({
  from: sizeOrTime.optional().meta({ description: "smallest tree size (integer) or earliest time (ISO 8601)" }),
  to: sizeOrTime.optional().meta({ description: "largest tree size (integer) or latest time (ISO 8601)" }),
  after: z.coerce.number().int().nonnegative().optional().meta({ description: "cursor: the nextAfter of the previous page" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const proofEventSchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  diff: z.string().nullable(),
  ip: z.string().nullable(),
});

export const inclusionProofSchema = z
  .object({
    type: z.literal("inclusion"),
    event: proofEventSchema,
    leafIndex: z.number().int().nonnegative(),
    leafInput: z.string().meta({ description: "the canonical JSON array that was hashed" }),
    leafHash: hex64,
    treeHead: treeHeadSchema,
    inclusionProof: z.array(hex64),
  })
  .meta({ id: "InclusionProof" });

export const consistencyQuerySchema = z.object({
  first: z.coerce.number().int().nonnegative(),
  second: z.coerce.number().int().nonnegative().optional().meta({ description: "defaults to the newest signed tree size" }),
});

export const consistencyProofSchema = z
  .object({
    type: z.literal("consistency"),
    first: z.number().int(),
    second: z.number().int(),
    firstHead: treeHeadSchema.nullable(),
    secondHead: treeHeadSchema.nullable(),
    firstRootHash: hex64,
    secondRootHash: hex64,
    proof: z.array(hex64),
  })
  .meta({ id: "ConsistencyProof" });

const publicKeySchema = z.object({
  keyId: z.string(),
  algorithm: z.literal("Ed25519"),
  pem: z.string(),
  raw: z.string().meta({ description: "the 32-byte public key, base64" }),
});

export const publicKeysSchema = z
  .object({ ...publicKeySchema.shape, retired: z.array(publicKeySchema) })
  .meta({ id: "AuditPublicKey" });
