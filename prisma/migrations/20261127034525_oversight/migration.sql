-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "aiSystemId" TEXT;

-- CreateTable
CREATE TABLE "AiSystem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "owner" TEXT,
    "riskTier" TEXT NOT NULL,
    "deploymentStatus" TEXT NOT NULL DEFAULT 'development',
    "linkedAssetIds" TEXT NOT NULL DEFAULT '[]',
    "linkedActivityIds" TEXT NOT NULL DEFAULT '[]',
    "callbackSecretEnc" TEXT NOT NULL,
    "secretRotatedAt" DATETIME NOT NULL,
    "retentionDays" INTEGER NOT NULL DEFAULT 183,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "AiModelVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "aiSystemId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "artifactSha256" TEXT NOT NULL,
    "trainingDataRef" TEXT,
    "notes" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "approvedById" TEXT,
    "approvedByLabel" TEXT,
    "approvedAt" DATETIME,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EscalationPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "aiSystemId" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "allowAdminReview" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OversightDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "aiSystemId" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "modelVersionLabel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "decisionType" TEXT NOT NULL,
    "proposedOutcome" TEXT NOT NULL,
    "confidence" REAL NOT NULL,
    "impact" TEXT,
    "amount" REAL,
    "jurisdiction" TEXT,
    "subjectRefEnc" TEXT,
    "subjectRefHash" TEXT,
    "summary" TEXT NOT NULL,
    "inputsEnc" TEXT,
    "callbackUrl" TEXT,
    "policyRevision" INTEGER,
    "ruleIndex" INTEGER,
    "ruleJson" TEXT NOT NULL,
    "requiredApprovals" INTEGER NOT NULL,
    "slaHours" REAL,
    "onTimeout" TEXT,
    "escalateTo" TEXT,
    "rejectEnds" BOOLEAN NOT NULL DEFAULT true,
    "allowAdminReview" BOOLEAN NOT NULL DEFAULT false,
    "submittedByKeyId" TEXT,
    "submittedByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "approvals" INTEGER NOT NULL DEFAULT 0,
    "rejections" INTEGER NOT NULL DEFAULT 0,
    "dueAt" DATETIME,
    "escalatedAt" DATETIME,
    "escalatedById" TEXT,
    "escalatedReason" TEXT,
    "slaBreachedAt" DATETIME,
    "finalOutcome" TEXT,
    "decidedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "DecisionReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerLabel" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "overrideOutcome" TEXT,
    "countKey" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CallbackDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "aiSystemId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CallbackAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "nextRetryAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "AiSystem_name_key" ON "AiSystem"("name");

-- CreateIndex
CREATE INDEX "AiModelVersion_aiSystemId_idx" ON "AiModelVersion"("aiSystemId");

-- CreateIndex
CREATE UNIQUE INDEX "AiModelVersion_aiSystemId_version_key" ON "AiModelVersion"("aiSystemId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationPolicy_aiSystemId_key" ON "EscalationPolicy"("aiSystemId");

-- CreateIndex
CREATE INDEX "OversightDecision_status_dueAt_idx" ON "OversightDecision"("status", "dueAt");

-- CreateIndex
CREATE INDEX "OversightDecision_aiSystemId_createdAt_idx" ON "OversightDecision"("aiSystemId", "createdAt");

-- CreateIndex
CREATE INDEX "OversightDecision_createdAt_idx" ON "OversightDecision"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OversightDecision_aiSystemId_externalId_key" ON "OversightDecision"("aiSystemId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionReview_countKey_key" ON "DecisionReview"("countKey");

-- CreateIndex
CREATE INDEX "DecisionReview_decisionId_at_idx" ON "DecisionReview"("decisionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "CallbackDelivery_decisionId_key" ON "CallbackDelivery"("decisionId");

-- CreateIndex
CREATE INDEX "CallbackDelivery_status_nextAttemptAt_idx" ON "CallbackDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "CallbackAttempt_deliveryId_attempt_idx" ON "CallbackAttempt"("deliveryId", "attempt");

