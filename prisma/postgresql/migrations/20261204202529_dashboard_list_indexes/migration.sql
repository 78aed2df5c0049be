-- CreateIndex
CREATE INDEX "OversightDecision_decidedAt_idx" ON "OversightDecision"("decidedAt");

-- CreateIndex
CREATE INDEX "OversightDecision_slaBreachedAt_idx" ON "OversightDecision"("slaBreachedAt");

-- CreateIndex
CREATE INDEX "DecisionReview_reviewerId_at_idx" ON "DecisionReview"("reviewerId", "at");

