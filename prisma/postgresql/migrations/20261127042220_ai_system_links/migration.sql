-- AlterTable
ALTER TABLE "AiSystem" DROP COLUMN "linkedActivityIds",
DROP COLUMN "linkedAssetIds";

-- CreateTable
CREATE TABLE "AiSystemAsset" (
    "aiSystemId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiSystemAsset_pkey" PRIMARY KEY ("aiSystemId","assetId")
);

-- CreateTable
CREATE TABLE "AiSystemActivity" (
    "aiSystemId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiSystemActivity_pkey" PRIMARY KEY ("aiSystemId","activityId")
);

-- CreateIndex
CREATE INDEX "AiSystemAsset_assetId_idx" ON "AiSystemAsset"("assetId");

-- CreateIndex
CREATE INDEX "AiSystemActivity_activityId_idx" ON "AiSystemActivity"("activityId");

-- AddForeignKey
ALTER TABLE "AiSystemAsset" ADD CONSTRAINT "AiSystemAsset_aiSystemId_fkey" FOREIGN KEY ("aiSystemId") REFERENCES "AiSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSystemActivity" ADD CONSTRAINT "AiSystemActivity_aiSystemId_fkey" FOREIGN KEY ("aiSystemId") REFERENCES "AiSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

