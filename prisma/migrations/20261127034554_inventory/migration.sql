-- CreateTable
CREATE TABLE "DataAsset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "ownerId" TEXT,
    "businessUnit" TEXT,
    "hosting" TEXT NOT NULL,
    "hostingProvider" TEXT,
    "locations" TEXT NOT NULL DEFAULT ',',
    "dataCategories" TEXT NOT NULL DEFAULT ',',
    "subjectCategories" TEXT NOT NULL DEFAULT ',',
    "volumeBand" TEXT,
    "encryptionAtRest" TEXT NOT NULL,
    "encryptionInTransit" TEXT NOT NULL,
    "accessControl" TEXT NOT NULL,
    "mfaEnforced" BOOLEAN NOT NULL DEFAULT false,
    "loggingEnabled" BOOLEAN NOT NULL DEFAULT false,
    "lastPenTestAt" DATETIME,
    "backup" TEXT NOT NULL,
    "retentionMonths" INTEGER,
    "deletionMethod" TEXT NOT NULL,
    "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    "lastReviewedAt" DATETIME,
    "nextReviewAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ProcessingActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "role" TEXT NOT NULL DEFAULT 'controller',
    "controllerName" TEXT NOT NULL,
    "controllerContact" TEXT,
    "jointControllers" TEXT,
    "representative" TEXT,
    "dpoContact" TEXT,
    "onBehalfOf" TEXT,
    "purposes" TEXT NOT NULL DEFAULT '[]',
    "lawfulBases" TEXT NOT NULL DEFAULT ',',
    "art9Condition" TEXT,
    "subjectCategories" TEXT NOT NULL DEFAULT ',',
    "dataCategories" TEXT NOT NULL DEFAULT ',',
    "recipients" TEXT NOT NULL DEFAULT '[]',
    "transfers" TEXT NOT NULL DEFAULT '[]',
    "erasureTimeLimit" TEXT,
    "securityMeasures" TEXT,
    "dpiaRequired" BOOLEAN NOT NULL DEFAULT false,
    "dpiaStatus" TEXT NOT NULL DEFAULT 'not_started',
    "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    "lastReviewedAt" DATETIME,
    "nextReviewAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ActivityAsset" (
    "activityId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,

    PRIMARY KEY ("activityId", "assetId"),
    CONSTRAINT "ActivityAsset_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ProcessingActivity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityAsset_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "DataAsset" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InventoryReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recordKind" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reviewer" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "reviewedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "DataAsset_name_idx" ON "DataAsset"("name");

-- CreateIndex
CREATE INDEX "DataAsset_nextReviewAt_idx" ON "DataAsset"("nextReviewAt");

-- CreateIndex
CREATE INDEX "ProcessingActivity_name_idx" ON "ProcessingActivity"("name");

-- CreateIndex
CREATE INDEX "ProcessingActivity_nextReviewAt_idx" ON "ProcessingActivity"("nextReviewAt");

-- CreateIndex
CREATE INDEX "ActivityAsset_assetId_idx" ON "ActivityAsset"("assetId");

-- CreateIndex
CREATE INDEX "InventoryReview_recordKind_recordId_reviewedAt_idx" ON "InventoryReview"("recordKind", "recordId", "reviewedAt");

