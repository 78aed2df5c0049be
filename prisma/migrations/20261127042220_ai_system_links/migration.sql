-- CreateTable
CREATE TABLE "AiSystemAsset" (
    "aiSystemId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("aiSystemId", "assetId"),
    CONSTRAINT "AiSystemAsset_aiSystemId_fkey" FOREIGN KEY ("aiSystemId") REFERENCES "AiSystem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AiSystemActivity" (
    "aiSystemId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("aiSystemId", "activityId"),
    CONSTRAINT "AiSystemActivity_aiSystemId_fkey" FOREIGN KEY ("aiSystemId") REFERENCES "AiSystem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AiSystem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "owner" TEXT,
    "riskTier" TEXT NOT NULL,
    "deploymentStatus" TEXT NOT NULL DEFAULT 'development',
    "callbackSecretEnc" TEXT NOT NULL,
    "secretRotatedAt" DATETIME NOT NULL,
    "retentionDays" INTEGER NOT NULL DEFAULT 183,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_AiSystem" ("callbackSecretEnc", "createdAt", "createdById", "deploymentStatus", "id", "name", "owner", "purpose", "retentionDays", "riskTier", "secretRotatedAt", "updatedAt", "version") SELECT "callbackSecretEnc", "createdAt", "createdById", "deploymentStatus", "id", "name", "owner", "purpose", "retentionDays", "riskTier", "secretRotatedAt", "updatedAt", "version" FROM "AiSystem";
DROP TABLE "AiSystem";
ALTER TABLE "new_AiSystem" RENAME TO "AiSystem";
CREATE UNIQUE INDEX "AiSystem_name_key" ON "AiSystem"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AiSystemAsset_assetId_idx" ON "AiSystemAsset"("assetId");

-- CreateIndex
CREATE INDEX "AiSystemActivity_activityId_idx" ON "AiSystemActivity"("activityId");

