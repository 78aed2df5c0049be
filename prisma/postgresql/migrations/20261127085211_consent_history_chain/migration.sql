-- A subject's history becomes a chain of links per subject and purpose
-- (docs/decisions/203): each event names the event recorded before it for the same pair,
-- and the state row names the last one. Existing rows are linked in the order they were
-- recorded (event ids sort in recording order), while the subject index still exists to
-- find them. Then that index, which cost a random page per ingested event, is dropped.

-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN     "prevEventId" TEXT;

-- Backfill: the previous event of the same subject and purpose, by recording order.
UPDATE "ConsentEvent" e SET "prevEventId" = (
    SELECT max(p."id") FROM "ConsentEvent" p
    WHERE p."subjectId" = e."subjectId" AND p."purposeId" = e."purposeId" AND p."id" < e."id"
);

-- AlterTable
ALTER TABLE "ConsentState" ADD COLUMN     "lastEventId" TEXT;

-- Backfill: the head of each pair's chain is its last recorded event.
UPDATE "ConsentState" s SET "lastEventId" = coalesce(
    (SELECT max(e."id") FROM "ConsentEvent" e WHERE e."subjectId" = s."subjectId" AND e."purposeId" = s."purposeId"),
    s."eventId"
);

ALTER TABLE "ConsentState" ALTER COLUMN "lastEventId" SET NOT NULL;

-- DropIndex
DROP INDEX "ConsentEvent_subjectId_occurredAt_idx";
