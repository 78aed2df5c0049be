-- CreateTable
CREATE TABLE "AuditTreeHead" (
    "headIndex" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treeSize" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "timestamp" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "AuditTreeNode" (
    "level" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    PRIMARY KEY ("level", "index")
);

-- CreateTable
CREATE TABLE "AuditTreeState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treeSize" INTEGER NOT NULL,
    "frontier" TEXT NOT NULL,
    "legacyVerification" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER,
    "at" DATETIME NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "diff" TEXT,
    "ip" TEXT,
    "leafHash" TEXT,
    "prevHash" TEXT,
    "hash" TEXT
);
-- Existing events keep their seq and become the first leaves of the tree; their id is
-- their seq, so new events (ids from AUTOINCREMENT) come after them.
INSERT INTO "new_AuditEvent" ("id", "action", "actorId", "actorLabel", "actorType", "at", "diff", "entityId", "entityType", "hash", "ip", "prevHash", "seq") SELECT "seq", "action", "actorId", "actorLabel", "actorType", "at", "diff", "entityId", "entityType", "hash", "ip", "prevHash", "seq" FROM "AuditEvent" ORDER BY "seq";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AuditTreeHead_treeSize_idx" ON "AuditTreeHead"("treeSize");

-- CreateIndex
CREATE INDEX "AuditTreeHead_timestamp_idx" ON "AuditTreeHead"("timestamp");

