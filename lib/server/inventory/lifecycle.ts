import "server-only";
// Archive and restore of assets and processing activities (docs/decisions/101). Same
// permission as editing them: officers may, auditors and reviewers may not.
import type { Actor } from "@/lib/server/actor";
import { setArchived, type ArchiveSpec } from "@/lib/server/lifecycle/archive";

const ASSET: ArchiveSpec = { entityType: "DataAsset", action: "inventory.asset", permission: "inventory:write", notFound: "No such asset.", delegate: (tx) => tx.dataAsset };
const ACTIVITY: ArchiveSpec = {
  entityType: "ProcessingActivity",
  action: "inventory.activity",
  permission: "inventory:write",
  notFound: "No such processing activity.",
  delegate: (tx) => tx.processingActivity,
};

export const archiveAsset = (actor: Actor, id: unknown) => setArchived(actor, ASSET, id, true);
export const restoreAsset = (actor: Actor, id: unknown) => setArchived(actor, ASSET, id, false);
export const archiveActivity = (actor: Actor, id: unknown) => setArchived(actor, ACTIVITY, id, true);
export const restoreActivity = (actor: Actor, id: unknown) => setArchived(actor, ACTIVITY, id, false);
