-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "encryptedSource" TEXT NOT NULL DEFAULT 'client';

-- CreateTable
CREATE TABLE "IncidentAsset" (
    "incidentId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "linkedById" TEXT,

    CONSTRAINT "IncidentAsset_pkey" PRIMARY KEY ("incidentId","assetId")
);

-- CreateIndex
CREATE INDEX "IncidentAsset_assetId_idx" ON "IncidentAsset"("assetId");

-- AddForeignKey
ALTER TABLE "IncidentAsset" ADD CONSTRAINT "IncidentAsset_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

