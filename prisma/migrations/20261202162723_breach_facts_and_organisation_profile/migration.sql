-- CreateTable
CREATE TABLE "OrganisationProfile" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'org',
    "legalName" TEXT NOT NULL DEFAULT '',
    "dpoName" TEXT NOT NULL DEFAULT '',
    "dpoEmail" TEXT NOT NULL DEFAULT '',
    "dpoPhone" TEXT NOT NULL DEFAULT '',
    "dpoAddress" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "mainEstablishment" TEXT,
    "listedInUS" BOOLEAN NOT NULL DEFAULT false,
    "nis2EntityType" TEXT,
    "nis2MemberStates" TEXT NOT NULL DEFAULT '[]',
    "doraFinancialEntity" BOOLEAN NOT NULL DEFAULT false,
    "nydfsCovered" BOOLEAN NOT NULL DEFAULT false,
    "ftcSafeguardsFinancialInstitution" BOOLEAN NOT NULL DEFAULT false,
    "phrVendor" BOOLEAN NOT NULL DEFAULT false,
    "californiaLicensedHealthFacility" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "occurredAt" DATETIME,
    "occurredUntil" DATETIME,
    "discoveredAt" DATETIME NOT NULL,
    "containedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "roles" TEXT NOT NULL DEFAULT '[]',
    "dataCategories" TEXT NOT NULL DEFAULT '[]',
    "dataElements" TEXT,
    "encryptionKeyCompromised" BOOLEAN NOT NULL DEFAULT false,
    "stateHarmNotLikely" BOOLEAN NOT NULL DEFAULT false,
    "phi" BOOLEAN NOT NULL DEFAULT false,
    "encrypted" BOOLEAN NOT NULL DEFAULT false,
    "encryptedSource" TEXT NOT NULL DEFAULT 'client',
    "riskLevel" TEXT NOT NULL DEFAULT 'risk',
    "riskRationale" TEXT NOT NULL DEFAULT '',
    "hipaaNature" TEXT NOT NULL DEFAULT '',
    "hipaaUnauthorizedPerson" TEXT NOT NULL DEFAULT '',
    "hipaaAcquiredOrViewed" TEXT NOT NULL DEFAULT '',
    "hipaaMitigation" TEXT NOT NULL DEFAULT '',
    "hipaaLowProbabilityOfCompromise" BOOLEAN NOT NULL DEFAULT false,
    "affected" TEXT NOT NULL DEFAULT '[]',
    "aiKind" TEXT,
    "aiSystem" TEXT NOT NULL DEFAULT '',
    "leDelayUntil" TEXT,
    "leDelayWritten" BOOLEAN,
    "leDelayStatedAt" TEXT,
    "leDelayOfficial" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "materialityDeterminedAt" DATETIME,
    "secDelayUntil" TEXT,
    "doraMajorClassifiedAt" DATETIME,
    "nis2Significant" BOOLEAN,
    "aiMemberStates" TEXT NOT NULL DEFAULT '[]',
    "hhsBreachType" TEXT NOT NULL DEFAULT '[]',
    "hhsLocation" TEXT NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Incident" ("affected", "aiKind", "aiSystem", "containedAt", "createdAt", "createdById", "dataCategories", "description", "discoveredAt", "encrypted", "encryptedSource", "hipaaAcquiredOrViewed", "hipaaLowProbabilityOfCompromise", "hipaaMitigation", "hipaaNature", "hipaaUnauthorizedPerson", "id", "leDelayOfficial", "leDelayStatedAt", "leDelayUntil", "leDelayWritten", "occurredAt", "occurredUntil", "phi", "reference", "riskLevel", "riskRationale", "roles", "status", "timeZone", "title", "updatedAt", "version") SELECT "affected", "aiKind", "aiSystem", "containedAt", "createdAt", "createdById", "dataCategories", "description", "discoveredAt", "encrypted", "encryptedSource", "hipaaAcquiredOrViewed", "hipaaLowProbabilityOfCompromise", "hipaaMitigation", "hipaaNature", "hipaaUnauthorizedPerson", "id", "leDelayOfficial", "leDelayStatedAt", "leDelayUntil", "leDelayWritten", "occurredAt", "occurredUntil", "phi", "reference", "riskLevel", "riskRationale", "roles", "status", "timeZone", "title", "updatedAt", "version" FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE UNIQUE INDEX "Incident_reference_key" ON "Incident"("reference");
CREATE INDEX "Incident_status_idx" ON "Incident"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

