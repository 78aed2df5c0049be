-- CreateTable
CREATE TABLE "ConsentPurpose" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "lawfulBasis" TEXT NOT NULL,
    "saleOrShare" BOOLEAN NOT NULL DEFAULT false,
    "evidenceRetentionDays" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsentPurpose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentNoticeVersion" (
    "id" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "textSha256" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentNoticeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentSubject" (
    "id" TEXT NOT NULL,
    "lookup" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "lastGpcAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsentSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "noticeVersion" INTEGER,
    "source" TEXT NOT NULL,
    "jurisdiction" TEXT,
    "gpc" BOOLEAN NOT NULL DEFAULT false,
    "batchId" TEXT NOT NULL,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentEvidence" (
    "eventId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,
    "ipHash" TEXT,

    CONSTRAINT "ConsentEvidence_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "ConsentState" (
    "subjectId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "gpc" BOOLEAN NOT NULL,
    "noticeVersion" INTEGER,
    "eventId" TEXT NOT NULL,

    CONSTRAINT "ConsentState_pkey" PRIMARY KEY ("subjectId","purposeId")
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

