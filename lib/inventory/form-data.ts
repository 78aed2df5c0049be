// FormData from the inventory forms -> the plain objects the shared zod schemas parse.
// No validation here: the schemas in lib/validation/inventory.ts do that.

const str = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" ? v.trim() : "";
};
const orNull = (s: string) => (s === "" ? null : s);
const intOrNull = (s: string): number | null | string => (s === "" ? null : /^-?\d+$/.test(s) ? Number(s) : s);
const all = (f: FormData, k: string) => f.getAll(k).filter((v): v is string => typeof v === "string" && v !== "");
const json = (f: FormData, k: string): unknown => {
  try {
    return JSON.parse(str(f, k) || "[]");
  } catch {
    return [];
  }
};

/** "DE, us FR" -> ["DE","US","FR"] */
export function splitCountries(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
}

export function assetFromForm(f: FormData) {
  return {
    name: str(f, "name"),
    description: orNull(str(f, "description")),
    ownerId: orNull(str(f, "ownerId")),
    businessUnit: orNull(str(f, "businessUnit")),
    hosting: str(f, "hosting"),
    hostingProvider: orNull(str(f, "hostingProvider")),
    locations: splitCountries(str(f, "locations")),
    dataCategories: all(f, "dataCategories"),
    subjectCategories: all(f, "subjectCategories"),
    volumeBand: orNull(str(f, "volumeBand")),
    encryptionAtRest: str(f, "encryptionAtRest"),
    encryptionInTransit: str(f, "encryptionInTransit"),
    accessControl: str(f, "accessControl"),
    mfaEnforced: f.get("mfaEnforced") === "on",
    loggingEnabled: f.get("loggingEnabled") === "on",
    lastPenTestAt: orNull(str(f, "lastPenTestAt")),
    backup: str(f, "backup"),
    retentionMonths: intOrNull(str(f, "retentionMonths")),
    deletionMethod: str(f, "deletionMethod"),
    reviewIntervalMonths: intOrNull(str(f, "reviewIntervalMonths")) ?? 12,
    nextReviewAt: orNull(str(f, "nextReviewAt")),
  };
}

export function activityFromForm(f: FormData) {
  return {
    name: str(f, "name"),
    description: orNull(str(f, "description")),
    role: str(f, "role") || "controller",
    controllerName: str(f, "controllerName"),
    controllerContact: orNull(str(f, "controllerContact")),
    jointControllers: orNull(str(f, "jointControllers")),
    representative: orNull(str(f, "representative")),
    dpoContact: orNull(str(f, "dpoContact")),
    onBehalfOf: orNull(str(f, "onBehalfOf")),
    purposes: json(f, "purposes"),
    art9Condition: orNull(str(f, "art9Condition")),
    subjectCategories: all(f, "subjectCategories"),
    dataCategories: all(f, "dataCategories"),
    recipients: json(f, "recipients"),
    transfers: json(f, "transfers"),
    erasureTimeLimit: orNull(str(f, "erasureTimeLimit")),
    securityMeasures: orNull(str(f, "securityMeasures")),
    dpiaRequired: f.get("dpiaRequired") === "on",
    dpiaStatus: str(f, "dpiaStatus") || "not_started",
    assetIds: all(f, "assetIds"),
    reviewIntervalMonths: intOrNull(str(f, "reviewIntervalMonths")) ?? 12,
    nextReviewAt: orNull(str(f, "nextReviewAt")),
  };
}

export function versionFromForm(f: FormData): number | undefined {
  const v = f.get("version");
  return typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined;
}
