-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "dataElements" TEXT,
ADD COLUMN     "encryptionKeyCompromised" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stateHarmNotLikely" BOOLEAN NOT NULL DEFAULT false;

