// Gap findings: pure rules over an inventory record. A finding names the rule, the law it
// comes from and the record; it is recomputed on every read, so it disappears as soon as
// the record is fixed (nothing to close by hand).
import { EEA_COUNTRIES, isSpecialCategory } from "@/lib/inventory/catalogue";

export type FindingRule =
  | "no_lawful_basis"
  | "special_category_without_art9_condition"
  | "personal_data_not_encrypted_at_rest"
  | "transfer_without_safeguard"
  | "no_retention_period"
  | "review_overdue"
  | "asset_without_owner"
  | "dpia_not_done";

export type RecordKind = "asset" | "activity";

export type Finding = {
  rule: FindingRule;
  title: string;
  citation: string;
  severity: "high" | "medium" | "low";
  recordKind: RecordKind;
  recordId: string;
  recordName: string;
  detail: string;
};

export const RULES: Record<FindingRule, { title: string; citation: string; severity: Finding["severity"] }> = {
  no_lawful_basis: { title: "No lawful basis", citation: "GDPR Art. 6(1)", severity: "high" },
  special_category_without_art9_condition: { title: "Special-category data without an Art. 9 condition", citation: "GDPR Art. 9(2)", severity: "high" },
  personal_data_not_encrypted_at_rest: { title: "Personal data stored without encryption at rest", citation: "GDPR Art. 32(1)(a)", severity: "high" },
  transfer_without_safeguard: { title: "Transfer to a third country without a safeguard", citation: "GDPR Art. 44-49", severity: "high" },
  no_retention_period: { title: "No retention period", citation: "GDPR Art. 5(1)(e), Art. 30(1)(f)", severity: "medium" },
  review_overdue: { title: "Review overdue", citation: "GDPR Art. 24(1), Art. 5(2)", severity: "low" },
  asset_without_owner: { title: "Asset with personal data but no owner", citation: "GDPR Art. 5(2), Art. 24(1)", severity: "medium" },
  dpia_not_done: { title: "DPIA required but not done", citation: "GDPR Art. 35(1)", severity: "high" },
};

export type AssetFacts = {
  id: string;
  name: string;
  ownerId: string | null;
  dataCategories: readonly string[];
  encryptionAtRest: string;
  retentionMonths: number | null;
  nextReviewAt: Date | null;
};

export type ActivityFacts = {
  id: string;
  name: string;
  /** A processor's record (Art. 30(2)) carries no purposes/lawful basis, erasure limits or DPIA: those are the controller's duties. */
  role: "controller" | "processor";
  purposes: readonly { purpose: string; lawfulBasis: string | null }[];
  dataCategories: readonly string[];
  art9Condition: string | null;
  transfers: readonly { country: string; safeguard: string }[];
  erasureTimeLimit: string | null;
  dpiaRequired: boolean;
  dpiaStatus: string;
  nextReviewAt: Date | null;
};

function finding(rule: FindingRule, kind: RecordKind, record: { id: string; name: string }, detail: string): Finding {
  return { rule, ...RULES[rule], recordKind: kind, recordId: record.id, recordName: record.name, detail };
}

export function holdsPersonalData(categories: readonly string[]): boolean {
  return categories.length > 0;
}

export function isReviewOverdue(nextReviewAt: Date | null, now: Date): boolean {
  return nextReviewAt !== null && nextReviewAt.getTime() < now.getTime();
}

export function assetFindings(a: AssetFacts, now: Date): Finding[] {
  const out: Finding[] = [];
  const personal = holdsPersonalData(a.dataCategories);
  if (personal && a.encryptionAtRest === "none") {
    out.push(finding("personal_data_not_encrypted_at_rest", "asset", a, "Set encryption at rest to provider- or customer-managed keys once the store is encrypted."));
  }
  if (personal && !a.ownerId) {
    out.push(finding("asset_without_owner", "asset", a, "Name the person accountable for this system."));
  }
  if (personal && a.retentionMonths === null) {
    out.push(finding("no_retention_period", "asset", a, "Record how long personal data is kept here."));
  }
  if (isReviewOverdue(a.nextReviewAt, now)) {
    out.push(finding("review_overdue", "asset", a, `The review was due on ${a.nextReviewAt!.toISOString().slice(0, 10)}.`));
  }
  return out;
}

export function activityFindings(p: ActivityFacts, now: Date): Finding[] {
  const out: Finding[] = [];
  const controller = p.role === "controller";
  const missing = p.purposes.filter((x) => !x.lawfulBasis);
  if (!controller) {
    // Art. 30(2): only transfers and reviews apply to a processor's record.
  } else if (p.purposes.length === 0) {
    out.push(finding("no_lawful_basis", "activity", p, "No purpose with a lawful basis is recorded."));
  } else if (missing.length > 0) {
    out.push(finding("no_lawful_basis", "activity", p, `No lawful basis for: ${missing.map((m) => m.purpose).join("; ")}.`));
  }
  const special = p.dataCategories.filter(isSpecialCategory);
  if (controller && special.length > 0 && !p.art9Condition) {
    out.push(finding("special_category_without_art9_condition", "activity", p, `Special categories processed (${special.join(", ")}) without an Art. 9(2) condition.`));
  }
  const unsafe = p.transfers.filter((t) => !EEA_COUNTRIES.has(t.country) && t.safeguard === "none");
  if (unsafe.length > 0) {
    out.push(finding("transfer_without_safeguard", "activity", p, `No safeguard for the transfer to ${unsafe.map((t) => t.country).join(", ")}.`));
  }
  if (controller && !p.erasureTimeLimit) {
    out.push(finding("no_retention_period", "activity", p, "Record the envisaged time limit for erasure."));
  }
  if (controller && p.dpiaRequired && p.dpiaStatus !== "completed") {
    out.push(finding("dpia_not_done", "activity", p, "A DPIA is required and is not completed."));
  }
  if (isReviewOverdue(p.nextReviewAt, now)) {
    out.push(finding("review_overdue", "activity", p, `The review was due on ${p.nextReviewAt!.toISOString().slice(0, 10)}.`));
  }
  return out;
}

/** Adds whole months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
