// Inventory: systems / data assets and processing activities (GDPR Art. 30), each made from
// an input the app's own schema accepts (assetInputSchema / activityInputSchema) and turned
// into columns by the app's assetData / activityData, as insertAsset / insertActivity do.
import { ACCESS_CONTROL_MODELS, BACKUP_POLICIES, codes, DATA_CATEGORY_CODES, DELETION_METHODS, ENCRYPTION_AT_REST, ENCRYPTION_IN_TRANSIT, HOSTING, LAWFUL_BASES, RECIPIENT_KINDS, SUBJECT_CATEGORY_CODES, TRANSFER_SAFEGUARDS, VOLUME_BANDS } from "@/lib/inventory/catalogue";
import { activityData, assetData } from "@/lib/server/inventory/dto";
import { nextReviewFor } from "@/lib/server/inventory/common";
import { activityInputSchema, assetInputSchema } from "@/lib/validation/inventory";
import type { Person } from "./accounts";
import type { AuditStream } from "./audit";
import { at, cuidOf, Rng, SPAN_DAYS } from "./rng";
import { Batch, type Row, type Sink } from "./sink";

const UNITS = ["Sales", "Marketing", "Finance", "HR", "Engineering", "Support", "Legal", "Operations", "Research", "Clinical"];
const KINDS = ["CRM", "Data warehouse", "Payroll", "Ticketing", "Web analytics", "Mail platform", "Billing", "EHR", "Identity provider", "Backup vault", "Data lake", "Call recording"];
const PROVIDERS = ["AWS", "Azure", "Google Cloud", "Hetzner", "OVH", "Salesforce", "Workday", "Zendesk"];
const COUNTRIES = ["DE", "FR", "NL", "IE", "SE", "US", "GB", "CH", "CA", "IN"];
const ASSET_COLUMNS = ["id", "name", "description", "ownerId", "businessUnit", "hosting", "hostingProvider", "locations", "dataCategories", "subjectCategories", "volumeBand", "encryptionAtRest", "encryptionInTransit", "accessControl", "mfaEnforced", "loggingEnabled", "lastPenTestAt", "backup", "retentionMonths", "deletionMethod", "reviewIntervalMonths", "nextReviewAt", "searchText", "createdAt", "updatedAt"] as const;
const ACTIVITY_COLUMNS = ["id", "name", "description", "role", "controllerName", "controllerContact", "jointControllers", "representative", "dpoContact", "onBehalfOf", "purposes", "lawfulBases", "art9Condition", "subjectCategories", "dataCategories", "recipients", "transfers", "erasureTimeLimit", "securityMeasures", "dpiaRequired", "dpiaStatus", "reviewIntervalMonths", "nextReviewAt", "searchText", "createdAt", "updatedAt"] as const;

const columnsOf = (columns: readonly string[], data: Record<string, unknown>, id: string, created: Date): Row =>
  columns.map((c) => (c === "id" ? id : c === "createdAt" || c === "updatedAt" ? created : ((data[c] ?? null) as Row[number])));

function assetInput(rng: Rng, i: number, ownerId: string) {
  const hosting = rng.pick(codes(HOSTING));
  const ordinary = DATA_CATEGORY_CODES.filter((c) => ["identity", "contact", "online_identifiers", "employment", "financial", "location", "behavioural"].includes(c));
  return assetInputSchema.parse({
    name: `${rng.pick(KINDS)} ${String(i + 1).padStart(5, "0")}`,
    description: `Standard dataset asset ${i + 1}`,
    ownerId: rng.chance(0.7) ? ownerId : null,
    businessUnit: rng.pick(UNITS),
    hosting,
    hostingProvider: hosting === "on_premises" ? null : rng.pick(PROVIDERS),
    locations: rng.some(COUNTRIES, rng.between(1, 3)),
    dataCategories: rng.some(rng.chance(0.15) ? DATA_CATEGORY_CODES : ordinary, rng.between(1, 4)),
    subjectCategories: rng.some(SUBJECT_CATEGORY_CODES, rng.between(1, 3)),
    volumeBand: rng.pick(codes(VOLUME_BANDS)),
    encryptionAtRest: rng.weighted([["provider_managed", 60], ["customer_managed", 25], ["none", 15]] as const),
    encryptionInTransit: rng.weighted([["tls12_plus", 80], ["mtls", 12], ["none", 8]] as const),
    accessControl: rng.pick(codes(ACCESS_CONTROL_MODELS)),
    mfaEnforced: rng.chance(0.75),
    loggingEnabled: rng.chance(0.8),
    lastPenTestAt: rng.chance(0.5) ? new Date(at(rng.int(SPAN_DAYS))).toISOString().slice(0, 10) : null,
    backup: rng.pick(codes(BACKUP_POLICIES)),
    retentionMonths: rng.chance(0.8) ? rng.pick([6, 12, 24, 36, 60, 84, 120]) : null,
    deletionMethod: rng.pick(codes(DELETION_METHODS)),
    reviewIntervalMonths: rng.pick([6, 12, 12, 24]),
  });
}

function activityInput(rng: Rng, i: number, assetIds: string[]) {
  const lawful = codes(LAWFUL_BASES);
  return activityInputSchema.parse({
    name: `${rng.pick(["Newsletter", "Payroll run", "Support tickets", "Fraud screening", "Recruiting", "Clinical trial", "Loyalty programme", "Web analytics"])} ${i + 1}`,
    description: `Standard dataset processing activity ${i + 1}`,
    role: rng.chance(0.85) ? "controller" : "processor",
    controllerName: "Standard Dataset GmbH",
    dpoContact: "dpo@standard-dataset.example",
    purposes: Array.from({ length: rng.between(1, 3) }, (_, k) => ({ purpose: `Purpose ${k + 1} of activity ${i + 1}`, lawfulBasis: rng.pick(lawful) })),
    subjectCategories: rng.some(SUBJECT_CATEGORY_CODES, rng.between(1, 3)),
    dataCategories: rng.some(DATA_CATEGORY_CODES.slice(0, 7), rng.between(1, 4)),
    recipients: rng.chance(0.6) ? [{ name: rng.pick(PROVIDERS), kind: rng.pick(codes(RECIPIENT_KINDS)) }] : [],
    transfers: rng.chance(0.3) ? [{ country: rng.pick(["US", "IN", "CA"]), recipient: rng.pick(PROVIDERS), safeguard: rng.pick(codes(TRANSFER_SAFEGUARDS)) }] : [],
    erasureTimeLimit: `${rng.pick([1, 2, 3, 6, 10])} years after the end of the relationship`,
    securityMeasures: "Encryption in transit and at rest; role-based access; logging",
    dpiaRequired: rng.chance(0.2),
    assetIds: assetIds.length ? rng.some(assetIds, rng.between(1, Math.min(5, assetIds.length))) : [],
    reviewIntervalMonths: 12,
  });
}

export async function seedInventory(sink: Sink, audit: AuditStream, officer: Person, counts: { assets: number; activities: number }) {
  const rng = new Rng("inventory");
  const assets = new Batch(sink, "DataAsset", ASSET_COLUMNS, 5_000);
  const assetIds: string[] = [];
  for (let i = 0; i < counts.assets; i++) {
    const id = cuidOf(`asset:${i}`);
    const created = new Date(at((i / counts.assets) * (SPAN_DAYS - 30)));
    const input = assetInput(rng, i, officer.id);
    await assets.add(columnsOf(ASSET_COLUMNS, assetData(input, nextReviewFor(null, input.reviewIntervalMonths, created)), id, created));
    audit.add(created.getTime(), officer.actor, "inventory.asset.create", "DataAsset", id, { ...input });
    assetIds.push(id);
  }
  await assets.flush();
  const activities = new Batch(sink, "ProcessingActivity", ACTIVITY_COLUMNS, 5_000);
  const links = new Batch(sink, "ActivityAsset", ["activityId", "assetId"], Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < counts.activities; i++) {
    const id = cuidOf(`activity:${i}`);
    const created = new Date(at(30 + (i / counts.activities) * (SPAN_DAYS - 60)));
    // Only assets that existed by then.
    const known = assetIds.slice(0, Math.max(1, Math.floor(((created.getTime() - at(0)) / (at(SPAN_DAYS - 30) - at(0))) * assetIds.length)));
    const input = activityInput(rng, i, known);
    await activities.add(columnsOf(ACTIVITY_COLUMNS, activityData(input, nextReviewFor(null, input.reviewIntervalMonths, created)), id, created));
    for (const assetId of input.assetIds) await links.add([id, assetId]);
    audit.add(created.getTime(), officer.actor, "inventory.activity.create", "ProcessingActivity", id, { ...input });
  }
  await activities.flush();
  await links.flush();
  return { assetIds };
}
