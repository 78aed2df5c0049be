-- CreateTable
CREATE TABLE "ConsentPurpose" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "lawfulBasis" TEXT NOT NULL,
    "saleOrShare" BOOLEAN NOT NULL DEFAULT false,
    "evidenceRetentionDays" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConsentNoticeVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purposeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "textSha256" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ConsentSubject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lookup" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "lastGpcAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "noticeVersion" INTEGER,
    "source" TEXT NOT NULL,
    "jurisdiction" TEXT,
    "gpc" BOOLEAN NOT NULL DEFAULT false,
    "batchId" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ConsentEvidence" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "purposeId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "userAgent" TEXT,
    "ipHash" TEXT
);

-- CreateTable
CREATE TABLE "ConsentState" (
    "subjectId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "gpc" BOOLEAN NOT NULL,
    "noticeVersion" INTEGER,
    "eventId" TEXT NOT NULL,

    PRIMARY KEY ("subjectId", "purposeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsentPurpose_key_key" ON "ConsentPurpose"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentNoticeVersion_purposeId_version_key" ON "ConsentNoticeVersion"("purposeId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentSubject_lookup_key" ON "ConsentSubject"("lookup");

-- CreateIndex
CREATE INDEX "ConsentEvent_subjectId_occurredAt_idx" ON "ConsentEvent"("subjectId", "occurredAt");

-- CreateIndex
CREATE INDEX "ConsentEvent_occurredAt_idx" ON "ConsentEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "ConsentEvent_purposeId_occurredAt_idx" ON "ConsentEvent"("purposeId", "occurredAt");

-- CreateIndex
CREATE INDEX "ConsentEvidence_purposeId_receivedAt_idx" ON "ConsentEvidence"("purposeId", "receivedAt");

-- CreateIndex
CREATE INDEX "ConsentState_purposeId_status_idx" ON "ConsentState"("purposeId", "status");

