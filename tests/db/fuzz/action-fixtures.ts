// Records the server-action fuzz test aims at: one of each kind an action takes an id of,
// made once per file. Ids of these (and of other people) are what forged ids are drawn from;
// nothing outside this file's own records is in the pool, so the fuzz cannot archive the
// catalogue's controls other files count.
import { DEFAULT_THRESHOLDS } from "@/lib/alerts/rules";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { raiseAlert } from "@/lib/server/alerts/raise-alert";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { findSubject } from "@/lib/server/consent/subjects";
import { db } from "@/lib/server/db";
import { readOrganisationProfile } from "@/lib/server/organisation/profile";
import { createAiSystem } from "@/lib/server/oversight/registry";
import { createChecklist } from "@/lib/server/posture/checklists";
import { createControl } from "@/lib/server/posture/controls";
import { addCrosswalk } from "@/lib/server/posture/frameworks/mappings";
import { importFramework } from "@/lib/server/posture/frameworks/oscal";
import { mintScimToken } from "@/lib/server/scim/auth";
import { makeUser } from "@/lib/server/testing/factories";
import { createWebhook } from "@/lib/server/webhooks/endpoints";
import { allowCallbackHosts } from "../oversight/helpers";
import { CATALOG, smallCatalog } from "../races/action-race-fixtures";
import { makeFixtures } from "./fuzz-support";
import type { FormSample } from "./form-arbitraries";


export type ActionFixtures = Awaited<ReturnType<typeof makeActionFixtures>>;

const tag = () => Math.random().toString(36).slice(2, 8);

function organisationForm(p: Awaited<ReturnType<typeof readOrganisationProfile>>): FormSample {
  const on = (b: boolean) => (b ? "on" : "");
  return {
    legalName: p.legalName || "Fuzz GmbH", dpoName: p.dpo.name, dpoEmail: p.dpo.email, dpoPhone: p.dpo.phone, dpoAddress: p.dpo.address,
    timeZone: p.timeZone, mainEstablishment: p.mainEstablishment ?? "", nis2EntityType: p.nis2?.entityType ?? "", nis2MemberStates: (p.nis2?.memberStates ?? []).join(", "),
    listedInUS: on(p.listedInUS), doraFinancialEntity: on(p.doraFinancialEntity), nydfsCovered: on(p.nydfsCovered),
    ftcSafeguardsFinancialInstitution: on(p.ftcSafeguardsFinancialInstitution), phrVendor: on(p.phrVendor), californiaLicensedHealthFacility: on(p.californiaLicensedHealthFacility),
  };
}

export async function makeActionFixtures() {
  const base = await makeFixtures();
  allowCallbackHosts("127.0.0.1");
  const other = await makeUser({ role: "reviewer" });
  const controlId = `FUZZ-${tag().toUpperCase()}`;
  await createControl(SYSTEM_CLI, { id: controlId, title: "Fuzz control", description: "A control", area: "security", citation: "Policy 1", frequencyDays: 90, manualCheck: "Look at it" });
  const checklist = await createChecklist(SYSTEM_CLI, { name: `Fuzz ${tag()}`, controlIds: [controlId] });
  const frameworkId = `fuzz-${tag()}`;
  await importFramework(SYSTEM_CLI, CATALOG, { id: frameworkId });
  const requirementIds = (await db().requirement.findMany({ where: { frameworkId }, select: { id: true }, take: 3 })).map((r) => r.id);
  const crosswalk = (await addCrosswalk(SYSTEM_CLI, { fromId: requirementIds[1], toId: requirementIds[2], relationship: "equivalent", source: "fuzz" })) as { id: string };
  const webhook = await createWebhook(SYSTEM_CLI, { url: "http://127.0.0.1:9/fuzz", events: ["incident.created"] });
  const spareWebhook = await createWebhook(SYSTEM_CLI, { url: "http://127.0.0.1:9/fuzz-spare", events: ["incident.created"] });
  const alert = await db().$transaction((tx) => raiseAlert(tx, { dedupeKey: `fuzz-${tag()}`, rule: "permission_denied_storm", severity: "medium", subjectType: "user", subjectId: other.id, windowStart: new Date(), windowEnd: new Date(), summary: "Fuzz alert", evidence: { ids: [], seqs: [], count: 1 } }));
  const scim = await mintScimToken(SYSTEM_CLI, `fuzz ${tag()}`);
  const apiKey = await createApiKey(SYSTEM_CLI, { name: `fuzz ${tag()}`, scopes: ["audit:read"] });
  const identifier = `fuzz-${tag()}@example.org`;
  await ingestConsentEvents(SYSTEM_CLI, { subjectId: identifier, purpose: base.purposeKey, action: "grant" });
  const subjectRef = (await findSubject(SYSTEM_CLI, identifier))!.ref;
  const spare = await createAiSystem(SYSTEM_CLI, { name: `Fuzz spare ${tag()}`, purpose: "Routes claims", riskTier: "minimal" });
  const purpose = await db().consentPurpose.findUniqueOrThrow({ where: { key: base.purposeKey } });
  const [assetId, activityId, incidentId, aiSystemId, decisionId] = base.ids.id!;
  const fx = {
    base, controlId, checklistId: checklist.id, frameworkId, requirementIds, crosswalkId: crosswalk.id, webhookId: webhook.id, spareWebhookId: spareWebhook.id, subjectIdentifier: identifier, alertId: alert!.id,
    scimTokenId: scim.id,
    apiKeyId: (apiKey as { id: string }).id,
    otherUserId: other.id, otherUserEmail: other.email, subjectRef, spareSystemId: spare.id, purposeKey: base.purposeKey, purposeId: purpose.id,
    assetId: assetId!, activityId: activityId!, incidentId: incidentId!, aiSystemId: aiSystemId!, decisionId: decisionId!,
    obligationId: base.ids.obligationId![0]!, versionId: base.ids.versionId![0]!,
    // The catalogue cut small: a valid import is parsed on every run that keeps the file.
    catalogText: smallCatalog(), thresholds: Object.fromEntries(Object.entries(DEFAULT_THRESHOLDS).map(([k, v]) => [k, String(v)])) as FormSample,
    organisationForm: organisationForm(await readOrganisationProfile()),
    assetForm: { name: `Fuzz asset ${tag()}`, hosting: "saas", encryptionAtRest: "provider_managed", encryptionInTransit: "tls12_plus", accessControl: "rbac", backup: "encrypted", deletionMethod: "automated", locations: "DE, FR", dataCategories: ["contact"], subjectCategories: ["customers"] } as FormSample,
    activityForm: { name: `Fuzz activity ${tag()}`, controllerName: "Fuzz GmbH", subjectCategories: ["employees"], dataCategories: ["identity"], assetIds: [assetId!] } as FormSample,
  };
  return { ...fx, ids: [...new Set([...Object.values(base.ids).flat(), controlId, checklist.id, frameworkId, ...requirementIds, crosswalk.id, webhook.id, spareWebhook.id, alert!.id, fx.scimTokenId, fx.apiKeyId, other.id, other.email, subjectRef, spare.id, purpose.id])] };
}

/** Settings, the organisation profile and the control catalogue as they were, put back after the fuzz (later files read them). */
export async function snapshotSharedState() {
  const settings = await db().setting.findMany();
  const profile = await db().organisationProfile.findMany();
  const controls = await db().control.findMany({ select: { id: true } });
  const checklists = await db().checklist.findMany({ select: { id: true } });
  const endpoints = await db().webhookEndpoint.findMany({ select: { id: true } });
  return async () => {
    await db().setting.deleteMany({ where: { key: { notIn: settings.map((s) => s.key) } } });
    for (const s of settings) await db().setting.update({ where: { key: s.key }, data: { value: s.value } });
    for (const p of profile) await db().organisationProfile.update({ where: { id: p.id }, data: p });
    // Endpoints left behind would receive every event later files raise; controls left in the
    // catalogue (a mutated id makes a new one) change the counts tests/db/posture checks.
    await db().webhookEndpoint.deleteMany({ where: { id: { notIn: endpoints.map((e) => e.id) } } });
    const controlId = { notIn: controls.map((c) => c.id) };
    await db().controlEvidence.deleteMany({ where: { review: { controlId } } });
    await db().controlReview.deleteMany({ where: { controlId } });
    await db().controlRequirement.deleteMany({ where: { controlId } });
    await db().checklist.deleteMany({ where: { id: { notIn: checklists.map((c) => c.id) } } });
    await db().control.deleteMany({ where: { id: controlId } });
    allowCallbackHosts("");
  };
}
