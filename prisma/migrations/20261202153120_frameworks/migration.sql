-- AlterTable
ALTER TABLE "ControlEvidence" ADD COLUMN "expiresAt" DATETIME;

-- CreateTable
CREATE TABLE "Framework" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "licenceNote" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'seed',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "frameworkId" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT,
    "citation" TEXT,
    "parentId" TEXT,
    "assessable" BOOLEAN NOT NULL DEFAULT true,
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Requirement_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Requirement_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Requirement" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "ControlRequirement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "controlId" TEXT NOT NULL,
    "requirementId" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ControlRequirement_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequirementApplicability" (
    "requirementId" TEXT NOT NULL PRIMARY KEY,
    "applicable" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    CONSTRAINT "RequirementApplicability_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequirementMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL DEFAULT 'related',
    "source" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequirementMapping_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequirementMapping_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Requirement_parentId_idx" ON "Requirement"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Requirement_frameworkId_identifier_key" ON "Requirement"("frameworkId", "identifier");

-- CreateIndex
CREATE INDEX "ControlRequirement_requirementId_idx" ON "ControlRequirement"("requirementId");

-- CreateIndex
CREATE UNIQUE INDEX "ControlRequirement_controlId_requirementId_key" ON "ControlRequirement"("controlId", "requirementId");

-- CreateIndex
CREATE INDEX "RequirementMapping_toId_idx" ON "RequirementMapping"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "RequirementMapping_fromId_toId_key" ON "RequirementMapping"("fromId", "toId");

-- CreateIndex
CREATE INDEX "ControlEvidence_expiresAt_idx" ON "ControlEvidence"("expiresAt");

