// Evidence freshness (decision 520): evidence may carry an expiry; expired evidence no longer
// counts, and a satisfied manual review whose evidence has all expired counts as partial.
import type { ControlStatus } from "../types";

export const EXPIRES_SOON_DAYS = 30;
export type EvidenceFreshness = "current" | "expires_soon" | "expired" | "no_expiry";

export function evidenceFreshness(expiresAt: Date | null, now: Date, soonDays = EXPIRES_SOON_DAYS): EvidenceFreshness {
  if (!expiresAt) return "no_expiry";
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return "expired";
  return left <= soonDays * 86_400_000 ? "expires_soon" : "current";
}

export function countsAsEvidence(expiresAt: Date | null, now: Date): boolean {
  return evidenceFreshness(expiresAt, now) !== "expired";
}

/** A reviewed status backed only by expired evidence is no longer fully satisfied. */
export function statusWithEvidence(status: ControlStatus, fromReview: boolean, evidence: { total: number; current: number }): ControlStatus {
  if (fromReview && status === "satisfied" && evidence.total > 0 && evidence.current === 0) return "partial";
  return status;
}
