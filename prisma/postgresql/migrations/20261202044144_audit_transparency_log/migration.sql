-- AlterTable: existing events keep their seq and become the first leaves of the tree;
-- their id is their seq (a SERIAL column would number them in physical order), and the
-- id sequence continues after the largest one.
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_pkey",
ADD COLUMN     "id" INTEGER,
ADD COLUMN     "leafHash" TEXT,
ALTER COLUMN "seq" DROP NOT NULL,
ALTER COLUMN "prevHash" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;
UPDATE "AuditEvent" SET "id" = "seq";
CREATE SEQUENCE "AuditEvent_id_seq" OWNED BY "AuditEvent"."id";
SELECT setval('"AuditEvent_id_seq"', COALESCE((SELECT MAX("id") FROM "AuditEvent"), 0) + 1, false);
ALTER TABLE "AuditEvent" ALTER COLUMN "id" SET NOT NULL,
ALTER COLUMN "id" SET DEFAULT nextval('"AuditEvent_id_seq"'),
ADD CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id");

-- CreateTable
CREATE TABLE "AuditTreeHead" (
    "headIndex" INTEGER NOT NULL,
    "treeSize" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditTreeHead_pkey" PRIMARY KEY ("headIndex")
);

-- CreateTable
CREATE TABLE "AuditTreeNode" (
    "level" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditTreeNode_pkey" PRIMARY KEY ("level","index")
);

-- CreateTable
CREATE TABLE "AuditTreeState" (
    "id" INTEGER NOT NULL,
    "treeSize" INTEGER NOT NULL,
    "frontier" TEXT NOT NULL,
    "legacyVerification" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditTreeState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditTreeHead_treeSize_idx" ON "AuditTreeHead"("treeSize");

-- CreateIndex
CREATE INDEX "AuditTreeHead_timestamp_idx" ON "AuditTreeHead"("timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

