import "server-only";
// Archive and restore of AI systems (docs/decisions/101): an archived system leaves the
// registry list, the inventory pages' "used by" lists and the posture findings, and submits
// no decisions; its decisions, versions and audit history stay readable.
import type { Actor } from "@/lib/server/actor";
import { setArchived, type ArchiveSpec } from "@/lib/server/lifecycle/archive";

const AI_SYSTEM: ArchiveSpec = { entityType: "AiSystem", action: "oversight.system", permission: "oversight:admin", notFound: "No such AI system.", delegate: (tx) => tx.aiSystem };

export const archiveAiSystem = (actor: Actor, id: unknown) => setArchived(actor, AI_SYSTEM, id, true);
export const restoreAiSystem = (actor: Actor, id: unknown) => setArchived(actor, AI_SYSTEM, id, false);
