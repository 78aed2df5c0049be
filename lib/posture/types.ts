// Vocabulary of the posture area, shared by the server, the API and the UI.

export const AREAS = ["inventory", "consent", "breaches", "oversight", "security"] as const;
export type Area = (typeof AREAS)[number];
export const AREA_LABELS: Record<Area, string> = {
  inventory: "Data inventory",
  consent: "Consent",
  breaches: "Breaches",
  oversight: "Human oversight",
  security: "Security",
};

export const FRAMEWORKS = ["best_practice", "gdpr", "hipaa", "ccpa", "eu_ai_act", "custom"] as const;
export type Framework = (typeof FRAMEWORKS)[number];
export const FRAMEWORK_LABELS: Record<Framework, string> = {
  best_practice: "Security best practice",
  gdpr: "GDPR",
  hipaa: "HIPAA Security Rule",
  ccpa: "CCPA/CPRA",
  eu_ai_act: "EU AI Act",
  custom: "Custom",
};

/** What a reviewer records. */
export const REVIEW_STATUSES = ["satisfied", "partial", "not_satisfied", "not_applicable"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A control's effective status: a review status, or never reviewed. */
export const CONTROL_STATUSES = [...REVIEW_STATUSES, "not_reviewed"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const STATUS_LABELS: Record<ControlStatus, string> = {
  satisfied: "Satisfied",
  partial: "Partially satisfied",
  not_satisfied: "Not satisfied",
  not_applicable: "Not applicable",
  not_reviewed: "Not reviewed",
};

export const TEST_STATUSES = ["pass", "fail", "not_applicable"] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];

export type FailingRecord = { entityType: string; entityId: string; label: string; href?: string };

export function isArea(v: unknown): v is Area {
  return typeof v === "string" && (AREAS as readonly string[]).includes(v);
}
