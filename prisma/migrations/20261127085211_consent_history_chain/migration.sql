-- A subject's history becomes a chain of links per subject and purpose
-- (docs/decisions/203): each event names the event recorded before it for the same pair,
-- and the state row names the last one. Existing rows are linked in the order they were
-- recorded (event ids sort in recording order), while the subject index still exists to
-- find them. Then that index, which cost a random page per ingested event, is dropped.

-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN "prevEventId" TEXT;

-- Backfill: the previous event of the same subject and purpose, by recording order.
UPDATE "ConsentEvent" SET "prevEventId" = (
    SELECT max(p."id") FROM "ConsentEvent" p
    WHERE p."subjectId" = "ConsentEvent"."subjectId" AND p."purposeId" = "ConsentEvent"."purposeId" AND p."id" < "ConsentEvent"."id"
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ConsentState" (
    "subjectId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "gpc" BOOLEAN NOT NULL,
    "noticeVersion" INTEGER,
    "eventId" TEXT NOT NULL,
    "lastEventId" TEXT NOT NULL,

    PRIMARY KEY ("subjectId", "purposeId")
);
-- Backfill: the head of each pair's chain is its last recorded event.
INSERT INTO "new_ConsentState" ("eventId", "gpc", "noticeVersion", "purposeId", "status", "subjectId", "updatedAt", "lastEventId")
SELECT s."eventId", s."gpc", s."noticeVersion", s."purposeId", s."status", s."subjectId", s."updatedAt",
    coalesce((SELECT max(e."id") FROM "ConsentEvent" e WHERE e."subjectId" = s."subjectId" AND e."purposeId" = s."purposeId"), s."eventId")
FROM "ConsentState" s;
DROP TABLE "ConsentState";
ALTER TABLE "new_ConsentState" RENAME TO "ConsentState";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- DropIndex
DROP INDEX "ConsentEvent_subjectId_occurredAt_idx";
