import "server-only";
// Archive and restore of consent purposes (docs/decisions/101): an archived purpose leaves
// the purpose list, the consent rates and the posture findings. The ledger keeps recording
// events for it (a withdrawal must always be honoured, GDPR Art. 7(3)), and subjects'
// histories and proofs still show it.
import type { Actor } from "@/lib/server/actor";
import { setArchived, type ArchiveSpec } from "@/lib/server/lifecycle/archive";

const PURPOSE: ArchiveSpec = { entityType: "ConsentPurpose", action: "consent.purpose", permission: "consent:write", notFound: "No such consent purpose.", delegate: (tx) => tx.consentPurpose };

export const archivePurpose = (actor: Actor, id: unknown) => setArchived(actor, PURPOSE, id, true);
export const restorePurpose = (actor: Actor, id: unknown) => setArchived(actor, PURPOSE, id, false);
