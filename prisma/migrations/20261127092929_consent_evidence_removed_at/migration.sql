-- DropIndex
DROP INDEX "ConsentEvidence_purposeId_receivedAt_idx";

-- AlterTable
ALTER TABLE "ConsentEvidence" ADD COLUMN "removedAt" DATETIME;

-- CreateIndex
CREATE INDEX "ConsentEvidence_purposeId_removedAt_receivedAt_idx" ON "ConsentEvidence"("purposeId", "removedAt", "receivedAt");

