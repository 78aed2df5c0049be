-- CreateTable
CREATE TABLE "Control" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "lastReviewedAt" DATETIME,
    "nextReviewAt" DATETIME,
    "testStatus" TEXT,
    "testDetail" TEXT,
    "testFailing" TEXT,
    "testedAt" DATETIME,
    "overrideStatus" TEXT,
    "overrideReason" TEXT,
    "overrideBy" TEXT,
    "overrideAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ControlReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "controlId" TEXT NOT NULL,
    "checklistId" TEXT,
    "status" TEXT NOT NULL,
    "comment" TEXT,
    "naReason" TEXT,
    "reviewerId" TEXT,
    "reviewerLabel" TEXT NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "nextReviewAt" DATETIME NOT NULL,
    CONSTRAINT "ControlReview_controlId_fkey" FOREIGN KEY ("controlId") REFERENCES "Control" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ControlEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "bytes" BLOB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ControlEvidence_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ControlReview" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Checklist" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "framework" TEXT,
    "controlIds" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PostureSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "day" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL,
    "overall" REAL,
    "inventory" REAL,
    "consent" REAL,
    "breaches" REAL,
    "oversight" REAL,
    "security" REAL,
    "counts" TEXT NOT NULL,
    "seeded" BOOLEAN NOT NULL DEFAULT false
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

