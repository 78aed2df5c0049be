-- CreateTable
CREATE TABLE "EvidenceUpload" (
    "id" TEXT NOT NULL,
    "uploaderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidenceUpload_uploaderId_idx" ON "EvidenceUpload"("uploaderId");

-- CreateIndex
CREATE INDEX "EvidenceUpload_createdAt_idx" ON "EvidenceUpload"("createdAt");

