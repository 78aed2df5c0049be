-- CreateTable
CREATE TABLE "Control" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "owner" TEXT,
    "frequencyDays" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "manualCheck" TEXT NOT NULL,
    "reviewStatus" TEXT,
    "lastReviewedAt" TIMESTAMP(3),
    "nextReviewAt" TIMESTAMP(3),
    "testStatus" TEXT,
    "testDetail" TEXT,
    "testFailing" TEXT,
    "testedAt" TIMESTAMP(3),
    "overrideStatus" TEXT,
    "overrideReason" TEXT,
    "overrideBy" TEXT,
    "overrideAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Control_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlReview" (
    "id" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,
    "checklistId" TEXT,
    "status" TEXT NOT NULL,
    "comment" TEXT,
    "naReason" TEXT,
    "reviewerId" TEXT,
    "reviewerLabel" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "nextReviewAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ControlReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlEvidence" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "bytes" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControlEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checklist" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "framework" TEXT,
    "controlIds" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Checklist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostureSnapshot" (
    "id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "overall" DOUBLE PRECISION,
    "inventory" DOUBLE PRECISION,
    "consent" DOUBLE PRECISION,
    "breaches" DOUBLE PRECISION,
    "oversight" DOUBLE PRECISION,
    "security" DOUBLE PRECISION,
    "counts" TEXT NOT NULL,
    "seeded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PostureSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Control_area_idx" ON "Control"("area");

-- CreateIndex
CREATE INDEX "Control_framework_idx" ON "Control"("framework");

-- CreateIndex
CREATE INDEX "Control_nextReviewAt_idx" ON "Control"("nextReviewAt");

-- CreateIndex
CREATE INDEX "ControlReview_controlId_reviewedAt_idx" ON "ControlReview"("controlId", "reviewedAt");

-- CreateIndex
CREATE INDEX "ControlReview_checklistId_idx" ON "ControlReview"("checklistId");

-- CreateIndex
CREATE INDEX "ControlEvidence_reviewId_idx" ON "ControlEvidence"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Checklist_name_key" ON "Checklist"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PostureSnapshot_day_key" ON "PostureSnapshot"("day");

-- AddForeignKey
ALTER TABLE "ControlReview" ADD CONSTRAINT "ControlReview_controlId_fkey" FOREIGN KEY ("controlId") REFERENCES "Control"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlEvidence" ADD CONSTRAINT "ControlEvidence_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ControlReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

