-- DropIndex
DROP INDEX "ConsentEvent_purposeId_occurredAt_idx";

-- DropIndex
DROP INDEX "ConsentState_purposeId_status_idx";

