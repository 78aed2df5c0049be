-- CreateIndex
CREATE INDEX "AuditEvent_actorType_at_idx" ON "AuditEvent"("actorType", "at");

