-- AlterTable
ALTER TABLE "ConsentPurpose" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "ConsentPurpose" ADD COLUMN "archivedBy" TEXT;

-- AlterTable
ALTER TABLE "DataAsset" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "DataAsset" ADD COLUMN "archivedBy" TEXT;

-- AlterTable
ALTER TABLE "ProcessingActivity" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "ProcessingActivity" ADD COLUMN "archivedBy" TEXT;

-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "AiSystem" ADD COLUMN "archivedBy" TEXT;

-- AlterTable
ALTER TABLE "Control" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "Control" ADD COLUMN "archivedBy" TEXT;

