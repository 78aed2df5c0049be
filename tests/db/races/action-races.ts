// The server actions that create records (issue 13, item 2), each with the form of the i-th of
// 20 parallel calls and how to count what they made. `same` is one form sent 20 times at once:
// a unique name or a one-time form token, so exactly `sameRows` records and every other call a
// refusal in words or the replay of the first (never "something went wrong"). The coverage
// test in tests/db/fuzz/action-coverage.test.ts fails when a creating action is not listed.
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/server/db";
import type { FormSample } from "../fuzz/form-arbitraries";
import type { RaceFixtures } from "./action-race-fixtures";

export type RaceSpec = {
  role: Role;
  /** The i-th of the distinct calls; `tag` is unique to this run. */
  distinct: (fx: RaceFixtures, tag: string, i: number) => FormSample;
  /** Records made by this run's calls. */
  count: (fx: RaceFixtures, tag: string) => Promise<number>;
  /** Rows the 20 distinct calls make (20 unless the design says otherwise). */
  distinctRows?: number;
  same?: { form: (fx: RaceFixtures, tag: string) => FormSample; rows: number };
};

const D = "app/(dashboard)";
const json = (v: unknown) => JSON.stringify(v);
const ASSET_CSV = "name,owner_email,hosting,locations,data_categories,encryption_at_rest,encryption_in_transit,access_control,backup,retention_months,deletion_method";
const asset = (name: string) => ({ name, hosting: "saas", encryptionAtRest: "provider_managed", encryptionInTransit: "tls12_plus", accessControl: "rbac", backup: "encrypted", deletionMethod: "automated", locations: "DE", dataCategories: "contact", subjectCategories: "customers" });
const since = (fx: RaceFixtures) => ({ gte: fx.startedAt });

export const CREATING_ACTIONS: Record<string, RaceSpec> = {
  [`${D}/account/actions.ts#createOwnApiKeyAction`]: { role: "compliance_officer", distinct: (_, t, i) => ({ name: `${t} ${i}`, scopes: ["inventory:read"] }), count: (_, t) => db().apiKey.count({ where: { name: { startsWith: t } } }) },
  [`${D}/admin/actions.ts#createUserAction`]: {
    role: "admin",
    distinct: (_, t, i) => ({ email: `${t}-${i}@test.local`, name: "Race", role: "reviewer", password: "correct-horse-battery-2031" }),
    count: (_, t) => db().user.count({ where: { email: { startsWith: `${t}-` } } }),
    same: { form: (_, t) => ({ email: `${t}-same@test.local`, name: "Race", role: "reviewer", password: "correct-horse-battery-2031" }), rows: 1 },
  },
  [`${D}/admin/actions.ts#createApiKeyAction`]: { role: "admin", distinct: (_, t, i) => ({ name: `${t} ${i}`, scopes: ["audit:read"] }), count: (_, t) => db().apiKey.count({ where: { name: { startsWith: t } } }) },
  [`${D}/admin/frameworks/actions.ts#importFrameworkAction`]: {
    role: "compliance_officer",
    distinct: (fx, t, i) => ({ file: new File([fx.smallCatalog], "c.json"), id: `${t}-${i}` }),
    count: (_, t) => db().framework.count({ where: { id: { startsWith: t } } }),
    same: { form: (fx, t) => ({ file: new File([fx.smallCatalog], "c.json"), id: `${t}-same` }), rows: 1 },
  },
  [`${D}/admin/scim-actions.ts#createScimTokenAction`]: { role: "admin", distinct: (_, t, i) => ({ name: `${t} ${i}` }), count: (_, t) => db().scimToken.count({ where: { name: { startsWith: t } } }) },
  [`${D}/admin/webhooks/actions.ts#createWebhookAction`]: { role: "admin", distinct: (_, t, i) => ({ url: `http://127.0.0.1:9/${t}-${i}`, events: ["incident.created"] }), count: (_, t) => db().webhookEndpoint.count({ where: { url: { startsWith: `http://127.0.0.1:9/${t}` } } }) },
  [`${D}/breaches/actions.ts#createIncidentAction`]: { role: "compliance_officer", distinct: (_, t, i) => ({ payload: json({ title: `${t} ${i}`, discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 5 + i }] }) }), count: (_, t) => db().incident.count({ where: { title: { startsWith: t } } }) },
  [`${D}/breaches/actions.ts#timelineAction`]: { role: "compliance_officer", distinct: (fx, t, i) => ({ incidentId: fx.incidentId, payload: json({ at: "2031-05-04T12:00:00Z", action: `${t} step ${i}`, performedBy: "SOC" }) }), count: (fx, t) => db().incidentTimelineEntry.count({ where: { incidentId: fx.incidentId, action: { startsWith: t } } }) },
  [`${D}/consent/actions.ts#createPurposeAction`]: {
    role: "compliance_officer",
    distinct: (_, t, i) => ({ key: `${t}_${i}`, title: `Purpose ${i}`, lawfulBasis: "consent", noticeText: `Notice ${i}` }),
    count: (_, t) => db().consentPurpose.count({ where: { key: { startsWith: t } } }),
    same: { form: (_, t) => ({ key: `${t}_same`, title: "Same", lawfulBasis: "consent" }), rows: 1 },
  },
  [`${D}/consent/actions.ts#publishNoticeAction`]: { role: "compliance_officer", distinct: (fx, t, i) => ({ purposeKey: fx.purposeKey, text: `${t} notice ${i}` }), count: (fx) => db().consentNoticeVersion.count({ where: { purposeId: fx.purposeId, publishedAt: since(fx) } }) },
  [`${D}/inventory/actions.ts#saveAssetAction`]: {
    role: "compliance_officer",
    distinct: (_, t, i) => ({ ...asset(`${t} ${i}`), formToken: `${t}-token-${i}` }),
    count: (_, t) => db().dataAsset.count({ where: { name: { startsWith: t } } }),
    same: { form: (_, t) => ({ ...asset(`${t} same`), formToken: `${t}-token-same` }), rows: 1 },
  },
  [`${D}/inventory/actions.ts#saveActivityAction`]: {
    role: "compliance_officer",
    distinct: (fx, t, i) => ({ name: `${t} ${i}`, controllerName: "Race GmbH", subjectCategories: "employees", dataCategories: "identity", assetIds: fx.assetId, purposes: json([{ purpose: "Pay salaries", lawfulBasis: "contract" }]), formToken: `${t}-token-${i}` }),
    count: (_, t) => db().processingActivity.count({ where: { name: { startsWith: t } } }),
    same: { form: (fx, t) => ({ name: `${t} same`, controllerName: "Race GmbH", subjectCategories: "employees", dataCategories: "identity", assetIds: fx.assetId, purposes: json([{ purpose: "Pay salaries", lawfulBasis: "contract" }]), formToken: `${t}-token-same` }), rows: 1 },
  },
  [`${D}/inventory/actions.ts#importAction`]: {
    role: "compliance_officer",
    distinct: (_, t, i) => ({ kind: "assets", intent: "commit", csv: `${ASSET_CSV}\n${t} ${i},,saas,DE,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated\n` }),
    count: (_, t) => db().dataAsset.count({ where: { name: { startsWith: t } } }),
    // One file imported 20 times at once: one asset; the others update it or find it unchanged.
    same: { form: (_, t) => ({ kind: "assets", intent: "commit", csv: `${ASSET_CSV}\n${t} same,,saas,DE,contact,provider_managed,tls12_plus,rbac,encrypted,12,automated\n` }), rows: 1 },
  },
  [`${D}/inventory/actions.ts#markReviewedAction`]: { role: "compliance_officer", distinct: (fx, t, i) => ({ kind: "asset", id: fx.assetId, comment: `${t} ${i}` }), count: (fx, t) => db().inventoryReview.count({ where: { comment: { startsWith: t } } }) },
  [`${D}/oversight/actions.ts#reviewDecisionAction`]: {
    role: "reviewer",
    // One reviewer's 20 verdicts on 20 decisions; then one decision approved 20 times by them: counted once.
    distinct: (fx, t, i) => ({ decisionId: fx.decisionIds[i]!, verdict: "approve", rationale: `${t} looks right` }),
    count: (_, t) => db().decisionReview.count({ where: { rationale: { startsWith: t } } }),
    same: { form: (fx, t) => ({ decisionId: fx.decisionIds[20]!, verdict: "approve", rationale: `${t} again` }), rows: 1 },
  },
  [`${D}/oversight/actions.ts#createAiSystemAction`]: {
    role: "compliance_officer",
    distinct: (_, t, i) => ({ name: `${t} ${i}`, purpose: "Routes claims", riskTier: "high" }),
    count: (_, t) => db().aiSystem.count({ where: { name: { startsWith: t } } }),
    same: { form: (_, t) => ({ name: `${t} same`, purpose: "Routes claims", riskTier: "high" }), rows: 1 },
  },
  [`${D}/oversight/actions.ts#createModelVersionAction`]: {
    role: "compliance_officer",
    distinct: (fx, t, i) => ({ aiSystemId: fx.aiSystemId, version: `${t}-${i}`, artifactSha256: "b".repeat(64) }),
    count: (fx, t) => db().aiModelVersion.count({ where: { aiSystemId: fx.aiSystemId, version: { startsWith: t } } }),
    same: { form: (fx, t) => ({ aiSystemId: fx.aiSystemId, version: `${t}-same`, artifactSha256: "c".repeat(64) }), rows: 1 },
  },
  [`${D}/posture/actions.ts#reviewControlAction`]: { role: "compliance_officer", distinct: (fx, t, i) => ({ controlId: fx.controlId, status: "satisfied", comment: `${t} ${i}` }), count: (_, t) => db().controlReview.count({ where: { comment: { startsWith: t } } }) },
  [`${D}/posture/actions.ts#createChecklistAction`]: {
    role: "compliance_officer",
    distinct: (fx, t, i) => ({ name: `${t} ${i}`, controlIds: fx.controlId }),
    count: (_, t) => db().checklist.count({ where: { name: { startsWith: t } } }),
    same: { form: (fx, t) => ({ name: `${t} same`, controlIds: fx.controlId }), rows: 1 },
  },
  [`${D}/posture/actions.ts#takeSnapshotAction`]: { role: "compliance_officer", distinct: () => ({}), count: (fx) => db().postureSnapshot.count({ where: { takenAt: since(fx) } }), distinctRows: 1 },
  [`${D}/posture/actions.ts#createControlAction`]: {
    role: "compliance_officer",
    distinct: (_, t, i) => ({ id: `${t.toUpperCase()}-${i}`, title: "Race control", description: "A control", area: "security", citation: "Policy 1", frequencyDays: "90", manualCheck: "Look at it" }),
    count: (_, t) => db().control.count({ where: { id: { startsWith: t.toUpperCase() } } }),
    same: { form: (_, t) => ({ id: `${t.toUpperCase()}-SAME`, title: "Race control", description: "A control", area: "security", citation: "Policy 1", frequencyDays: "90", manualCheck: "Look at it" }), rows: 1 },
  },
  [`${D}/posture/frameworks/actions.ts#mapControlAction`]: {
    role: "compliance_officer",
    distinct: (fx, t, i) => ({ controlId: fx.controlId, requirementId: fx.requirementIds[i]!, rationale: t }),
    count: (fx) => db().controlRequirement.count({ where: { controlId: fx.controlId } }),
    same: { form: (fx, t) => ({ controlId: fx.controlId, requirementId: fx.requirementIds[20]!, rationale: t }), rows: 1 },
  },
  [`${D}/posture/frameworks/actions.ts#addCrosswalkAction`]: {
    role: "compliance_officer",
    distinct: (fx, t, i) => ({ fromId: fx.requirementIds[0]!, toId: fx.requirementIds[i + 1]!, relationship: "related", source: t }),
    count: (_, t) => db().requirementMapping.count({ where: { source: { startsWith: t } } }),
    same: { form: (fx, t) => ({ fromId: fx.requirementIds[2]!, toId: fx.requirementIds[3]!, relationship: "related", source: `${t}-same` }), rows: 1 },
  },
};
