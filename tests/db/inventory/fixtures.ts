// Valid inputs for inventory tests: a complete, gap-free asset and activity.
import { AppError } from "@/lib/errors";

export function assetInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `CRM ${Math.random().toString(36).slice(2, 8)}`,
    description: "Customer relationship management",
    ownerId: null as string | null,
    businessUnit: "Sales",
    hosting: "saas",
    hostingProvider: "Salesforce",
    locations: ["DE", "IE"],
    dataCategories: ["identity", "contact"],
    subjectCategories: ["customers"],
    volumeBand: "100k_1m",
    encryptionAtRest: "provider_managed",
    encryptionInTransit: "tls12_plus",
    accessControl: "rbac",
    mfaEnforced: true,
    loggingEnabled: true,
    lastPenTestAt: "2026-03-01",
    backup: "encrypted",
    retentionMonths: 36,
    deletionMethod: "automated",
    ...overrides,
  };
}

export function activityInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `Payroll ${Math.random().toString(36).slice(2, 8)}`,
    controllerName: "Demo Organisation GmbH",
    dpoContact: "dpo@example.org",
    purposes: [{ purpose: "Pay salaries", lawfulBasis: "contract" }],
    subjectCategories: ["employees"],
    dataCategories: ["identity", "financial"],
    recipients: [{ name: "Tax office", kind: "external" }],
    transfers: [],
    erasureTimeLimit: "10 years after employment ends",
    securityMeasures: "Encryption, RBAC, logging",
    dpiaRequired: false,
    assetIds: [] as string[],
    ...overrides,
  };
}

/** The AppError code a call fails with, or "OK". */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}
