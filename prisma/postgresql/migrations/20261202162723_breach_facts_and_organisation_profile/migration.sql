-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "aiMemberStates" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "dataElements" TEXT,
ADD COLUMN     "doraMajorClassifiedAt" TIMESTAMP(3),
ADD COLUMN     "encryptionKeyCompromised" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hhsBreachType" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "hhsLocation" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "materialityDeterminedAt" TIMESTAMP(3),
ADD COLUMN     "nis2Significant" BOOLEAN,
ADD COLUMN     "secDelayUntil" TEXT,
ADD COLUMN     "stateHarmNotLikely" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OrganisationProfile" (
    "id" TEXT NOT NULL DEFAULT 'org',
    "legalName" TEXT NOT NULL DEFAULT '',
    "dpoName" TEXT NOT NULL DEFAULT '',
    "dpoEmail" TEXT NOT NULL DEFAULT '',
    "dpoPhone" TEXT NOT NULL DEFAULT '',
    "dpoAddress" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "mainEstablishment" TEXT,
    "listedInUS" BOOLEAN NOT NULL DEFAULT false,
    "nis2EntityType" TEXT,
    "nis2MemberStates" TEXT NOT NULL DEFAULT '[]',
    "doraFinancialEntity" BOOLEAN NOT NULL DEFAULT false,
    "nydfsCovered" BOOLEAN NOT NULL DEFAULT false,
    "ftcSafeguardsFinancialInstitution" BOOLEAN NOT NULL DEFAULT false,
    "phrVendor" BOOLEAN NOT NULL DEFAULT false,
    "californiaLicensedHealthFacility" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrganisationProfile_pkey" PRIMARY KEY ("id")
);

