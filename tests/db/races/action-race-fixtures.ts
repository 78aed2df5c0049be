// What the creating actions' races aim at: an incident, a purpose, an asset, an AI system with
// 21 decisions waiting for a review, a control, and a framework with enough requirements for
// 20 distinct crosswalks from one of them.
import { readFileSync } from "node:fs";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { createPurpose } from "@/lib/server/consent/purposes";
import { db } from "@/lib/server/db";
import { createAsset } from "@/lib/server/inventory/assets";
import { createControl } from "@/lib/server/posture/controls";
import { importFramework } from "@/lib/server/posture/frameworks/oscal";
import { assetInput } from "../inventory/fixtures";
import { makeSystem, submit, systemKey } from "../oversight/helpers";

export const CATALOG = readFileSync("tests/fixtures/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.ac-au.json", "utf8");

/** The catalogue cut to its first group's first two controls: an import worth racing, not parsing. */
export function smallCatalog(): string {
  const doc = JSON.parse(CATALOG) as { catalog: { groups: { controls?: unknown[] }[] } };
  const [group] = doc.catalog.groups;
  doc.catalog.groups = [{ ...group!, controls: group!.controls?.slice(0, 2) }];
  return JSON.stringify(doc);
}

export type RaceFixtures = Awaited<ReturnType<typeof makeRaceFixtures>>;

export async function makeRaceFixtures(tag: string) {
  const startedAt = new Date();
  const incident = await createIncident(SYSTEM_CLI, { title: `${tag} incident`, discoveredAt: "2031-05-04T10:00:00Z", affected: [{ jurisdiction: "DE", count: 5 }] });
  const purposeKey = `${tag}_purpose`;
  const purpose = await createPurpose(SYSTEM_CLI, { key: purposeKey, title: "Race", lawfulBasis: "consent", noticeText: "v1" });
  const asset = await createAsset(SYSTEM_CLI, assetInput({ name: `${tag} fixture asset` }));
  const { system } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 1, slaHours: 24 }] });
  const key = await systemKey(system.id);
  const decisionIds: string[] = [];
  for (let i = 0; i < 21; i++) decisionIds.push((await submit(key)).id);
  const controlId = `${tag.toUpperCase()}-FIXTURE`;
  await createControl(SYSTEM_CLI, { id: controlId, title: "Race control", description: "A control", area: "security", citation: "Policy 1", frequencyDays: 90, manualCheck: "Look at it" });
  const frameworkId = `${tag}-fw`;
  await importFramework(SYSTEM_CLI, CATALOG, { id: frameworkId });
  const requirementIds = (await db().requirement.findMany({ where: { frameworkId }, select: { id: true }, orderBy: { id: "asc" }, take: 21 })).map((r) => r.id);
  return { startedAt, incidentId: incident.id, purposeKey, purposeId: purpose.id, assetId: asset.id, aiSystemId: system.id, decisionIds, controlId, requirementIds, smallCatalog: smallCatalog() };
}

/** What later files must not find: controls in the catalogue count, endpoints receive events. */
export async function cleanUp(tag: string) {
  const controlId = { startsWith: tag.toUpperCase() };
  await db().controlEvidence.deleteMany({ where: { review: { controlId } } });
  await db().controlReview.deleteMany({ where: { controlId } });
  await db().controlRequirement.deleteMany({ where: { controlId } });
  await db().checklist.deleteMany({ where: { name: { startsWith: tag } } });
  await db().control.deleteMany({ where: { id: controlId } });
  await db().webhookEndpoint.deleteMany({ where: { url: { startsWith: `http://127.0.0.1:9/${tag}` } } });
}
