import "server-only";
// Archive and restore of controls (docs/decisions/101): an archived control leaves the
// control list, the posture score and its snapshots, checklists, framework coverage,
// reminders and the calendar feed; its reviews, evidence and audit history stay.
import type { Actor } from "@/lib/server/actor";
import { setArchived, type ArchiveSpec } from "@/lib/server/lifecycle/archive";

const CONTROL: ArchiveSpec = { entityType: "Control", action: "posture.control", permission: "posture:write", notFound: "No such control.", delegate: (tx) => tx.control };

export const archiveControl = (actor: Actor, id: unknown) => setArchived(actor, CONTROL, id, true);
export const restoreControl = (actor: Actor, id: unknown) => setArchived(actor, CONTROL, id, false);
