-- CreateTable
CREATE TABLE "EvidenceUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "uploaderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "EvidenceUpload_uploaderId_idx" ON "EvidenceUpload"("uploaderId");

-- CreateIndex
CREATE INDEX "EvidenceUpload_createdAt_idx" ON "EvidenceUpload"("createdAt");

