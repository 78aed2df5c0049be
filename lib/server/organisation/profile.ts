import "server-only";
// The organisation profile (docs/decisions/330): one row, the one place for the organisation's
// time zone (the legacy setting org.timeZone is mirrored and read when no row exists yet), and
// the facts the breach rules read. Changing it recomputes every open incident's obligations in
// the same transaction, with one audit event naming what changed.
import { AppError, zodDetails } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { appendAudit, recordAudit } from "@/lib/server/audit/append";
import { requirePermission } from "@/lib/server/authz";
import { db, type Tx } from "@/lib/server/db";
import { getSetting } from "@/lib/server/settings/settings";
import {
  organisationProfileSchema,
  organisationProfileUpdateSchema,
  type OrganisationProfileDto,
  type OrganisationProfileInput,
} from "@/lib/validation/organisation";
import type { OrganisationProfile } from "@/generated/prisma/client";

const ID = "org";

function toDto(row: OrganisationProfile): OrganisationProfileDto {
  let memberStates: string[] = [];
  try {
    memberStates = JSON.parse(row.nis2MemberStates) as string[];
  } catch {
    memberStates = [];
  }
  return {
    legalName: row.legalName,
    dpo: { name: row.dpoName, email: row.dpoEmail, phone: row.dpoPhone, address: row.dpoAddress },
    timeZone: row.timeZone,
    mainEstablishment: row.mainEstablishment,
    listedInUS: row.listedInUS,
    nis2: row.nis2EntityType ? { entityType: row.nis2EntityType as "essential" | "important", memberStates } : null,
    doraFinancialEntity: row.doraFinancialEntity,
    nydfsCovered: row.nydfsCovered,
    ftcSafeguardsFinancialInstitution: row.ftcSafeguardsFinancialInstitution,
    phrVendor: row.phrVendor,
    californiaLicensedHealthFacility: row.californiaLicensedHealthFacility,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Before the first save: the legacy settings (name, zone) and no sector facts. */
async function defaults(): Promise<OrganisationProfileDto> {
  const [legalName, timeZone] = await Promise.all([getSetting("org.name"), getSetting("org.timeZone")]);
  return {
    legalName,
    dpo: { name: "", email: "", phone: "", address: "" },
    timeZone,
    mainEstablishment: null,
    listedInUS: false,
    nis2: null,
    doraFinancialEntity: false,
    nydfsCovered: false,
    ftcSafeguardsFinancialInstitution: false,
    phrVendor: false,
    californiaLicensedHealthFacility: false,
    version: 0,
    updatedAt: null,
  };
}

/** Read without a permission check: pages and the engine need the zone; the profile holds no personal data beyond the DPO's business contact. */
export async function readOrganisationProfile(client: Tx | ReturnType<typeof db> = db()): Promise<OrganisationProfileDto> {
  const row = await client.organisationProfile.findUnique({ where: { id: ID } });
  return row ? toDto(row) : defaults();
}

export async function getOrganisationProfile(actor: Actor): Promise<OrganisationProfileDto> {
  await requirePermission(actor, "settings:read", { type: "OrganisationProfile", id: ID });
  return readOrganisationProfile();
}

function columns(p: OrganisationProfileInput) {
  return {
    legalName: p.legalName,
    dpoName: p.dpo.name,
    dpoEmail: p.dpo.email,
    dpoPhone: p.dpo.phone,
    dpoAddress: p.dpo.address,
    timeZone: p.timeZone,
    mainEstablishment: p.mainEstablishment,
    listedInUS: p.listedInUS,
    nis2EntityType: p.nis2?.entityType ?? null,
    nis2MemberStates: JSON.stringify(p.nis2 ? [...new Set(p.nis2.memberStates)] : []),
    doraFinancialEntity: p.doraFinancialEntity,
    nydfsCovered: p.nydfsCovered,
    ftcSafeguardsFinancialInstitution: p.ftcSafeguardsFinancialInstitution,
    phrVendor: p.phrVendor,
    californiaLicensedHealthFacility: p.californiaLicensedHealthFacility,
  };
}

/**
 * PUT /api/v1/organisation and the Admin form. Admins only: an API key must be bound to an admin
 * (an unbound key would otherwise act with its scope alone, and these facts decide every legal
 * clock). Recomputation of open incidents happens in `recompute` (injected to keep this module
 * free of the breach internals' import cycle).
 */
export async function updateOrganisationProfile(
  actor: Actor,
  input: unknown,
  recompute: (tx: Tx, timeZone: string) => Promise<Record<string, unknown>>,
): Promise<OrganisationProfileDto> {
  if (actor.kind === "api_key" && actor.role !== "admin") {
    await recordAudit(actor, { action: "permission.denied", entityType: "OrganisationProfile", entityId: ID, diff: { permission: "settings:manage", reason: "key not bound to an admin" } });
    throw new AppError("FORBIDDEN", "The organisation profile can only be changed with an API key bound to an admin user.");
  }
  await requirePermission(actor, "settings:manage", { type: "OrganisationProfile", id: ID });
  const patch = organisationProfileUpdateSchema.safeParse(input);
  if (!patch.success) throw new AppError("VALIDATION", `Check the organisation profile: ${describe(patch.error.issues)}`, zodDetails(patch.error.issues));

  return db().$transaction(async (tx) => {
    const before = await readOrganisationProfile(tx);
    const merged = organisationProfileSchema.safeParse({ ...before, ...patch.data, dpo: { ...before.dpo, ...(patch.data.dpo ?? {}) } });
    if (!merged.success) throw new AppError("VALIDATION", `Check the organisation profile: ${describe(merged.error.issues)}`, zodDetails(merged.error.issues));
    const data = columns(merged.data);
    const row = await tx.organisationProfile.upsert({
      where: { id: ID },
      create: { id: ID, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    // Mirror the zone into the legacy setting, which older readers still use.
    await tx.setting.upsert({
      where: { key: "org.timeZone" },
      create: { key: "org.timeZone", value: JSON.stringify(merged.data.timeZone) },
      update: { value: JSON.stringify(merged.data.timeZone) },
    });
    // Deadlines and recipients depend on the zone and the regime facts, not on the legal name
    // or the DPO's contact (drafts read those when rendered): a change of those alone leaves
    // every obligation as it is, so the open incidents are not walked through again.
    const recomputed = obligationFactsChanged(before, merged.data) ? await recompute(tx, merged.data.timeZone) : {};
    const { version: _v, updatedAt: _u, ...beforeFacts } = before;
    await appendAudit(tx, actor, {
      action: "organisation.update",
      entityType: "OrganisationProfile",
      entityId: ID,
      diff: { before: beforeFacts, after: merged.data, recomputed },
    });
    return { ...toDto(row), recomputed: Object.keys(recomputed).length };
    // Every open incident is recomputed in this one transaction (all or nothing), which takes
    // longer than the 5 s default with a few hundred open incidents on a busy database.
  }, { timeout: 120_000, maxWait: 10_000 });
}

/** Whether a profile change can move a deadline or a recipient (everything but the name and the DPO). */
export function obligationFactsChanged(before: OrganisationProfileInput, after: OrganisationProfileInput): boolean {
  // Key order differs between the stored DTO and a parsed body: compare with sorted keys.
  const stable = (v: unknown): string =>
    v && typeof v === "object" && !Array.isArray(v)
      ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(",")}}`
      : Array.isArray(v) ? `[${v.map(stable).join(",")}]` : JSON.stringify(v ?? null);
  const keys = Object.keys(organisationProfileSchema.shape).filter((k) => k !== "legalName" && k !== "dpo") as (keyof OrganisationProfileInput)[];
  return keys.some((k) => stable(before[k]) !== stable(after[k]));
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "body"} ${i.message}`).join("; ");
}
