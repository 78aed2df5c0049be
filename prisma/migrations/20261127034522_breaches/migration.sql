-- CreateTable
CREATE TABLE "Incident" (
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
    "phi" BOOLEAN NOT NULL DEFAULT false,
    "encrypted" BOOLEAN NOT NULL DEFAULT false,
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
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "BreachObligation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "regime" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "jurisdiction" TEXT,
    "dueAt" DATETIME,
    "dueRule" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "dependsOnKey" TEXT,
    "ruleVersion" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "contentChecklist" TEXT NOT NULL DEFAULT '[]',
    "checklistDone" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "statusReason" TEXT,
    "sentAt" DATETIME,
    "sentReference" TEXT,
    "sentById" TEXT,
    "sentByLabel" TEXT,
    "applies" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "BreachObligation_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentTimelineEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "action" TEXT NOT NULL,
    "performedBy" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "recordedByLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IncidentTimelineEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Incident_reference_key" ON "Incident"("reference");

-- CreateIndex
CREATE INDEX "Incident_status_idx" ON "Incident"("status");

-- CreateIndex
CREATE INDEX "BreachObligation_status_dueAt_idx" ON "BreachObligation"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "BreachObligation_incidentId_key_key" ON "BreachObligation"("incidentId", "key");

-- CreateIndex
CREATE INDEX "IncidentTimelineEntry_incidentId_at_idx" ON "IncidentTimelineEntry"("incidentId", "at");

