// Archive and restore of assets and processing activities (docs/decisions/101): out of
// lists, counts, findings and the posture feed, kept for the detail page and history,
// audited, refused to auditors and reviewers. The shared database is not empty: every
// assertion looks at this file's own records.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as archiveAssetRoute } from "@/app/api/v1/assets/[id]/archive/route";
import { POST as restoreAssetRoute } from "@/app/api/v1/assets/[id]/restore/route";
import { POST as archiveActivityRoute } from "@/app/api/v1/processing-activities/[id]/archive/route";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { createActivity, getActivity, listActivities, updateActivity } from "@/lib/server/inventory/activities";
import { createAsset, getAsset, listAssets, updateAsset } from "@/lib/server/inventory/assets";
import { exportInventory } from "@/lib/server/inventory/export";
import { recordHistory } from "@/lib/server/inventory/history";
import { inventoryControlFindings } from "@/lib/server/inventory/integration";
import { archiveActivity, archiveAsset, restoreActivity, restoreAsset } from "@/lib/server/inventory/lifecycle";
import { inventoryOverview } from "@/lib/server/inventory/overview";
import { actorFor } from "@/lib/server/testing/factories";
import { activityInput, assetInput, codeOf } from "./fixtures";

const auditCount = (entityId: string, action: string) => db().auditEvent.count({ where: { entityId, action } });

let officer: Actor;
beforeAll(async () => {
  officer = await actorFor("compliance_officer");
});

describe("inventory lifecycle: archive and restore an asset", () => {
  it("an archived asset leaves lists, counts, findings and the posture feed, keeps its page and history, and comes back on restore", async () => {
    const tag = `arch${Date.now()}`;
    // Health data without encryption at rest: a finding in the overview and in the posture feed.
    const a = await createAsset(officer, assetInput({ name: `${tag} store`, dataCategories: ["health"], encryptionAtRest: "none" }));
    const inList = async (archived?: "archived" | "all") => (await listAssets(officer, { q: tag, ...(archived ? { archived } : {}) })).items.map((x) => x.id);
    const overviewHas = async () => (await inventoryOverview(officer)).findings.some((f) => f.recordId === a.id);
    const postureHas = async () => (await inventoryControlFindings(officer)).unencryptedPersonalDataAssets.some((x) => x.id === a.id);
    const assetsCounted = async () => (await inventoryOverview(officer)).counts.assets;
    expect(await inList()).toEqual([a.id]);
    expect(await overviewHas()).toBe(true);
    expect(await postureHas()).toBe(true);
    const countBefore = await assetsCounted();

    const state = await archiveAsset(officer, a.id);
    expect(state).toMatchObject({ id: a.id, archivedBy: officer.kind === "user" ? officer.email : "" });
    expect(state.archivedAt).not.toBeNull();
    expect(await inList()).toEqual([]);
    expect(await inList("archived")).toEqual([a.id]);
    expect(await inList("all")).toEqual([a.id]);
    expect(await overviewHas()).toBe(false);
    expect(await postureHas()).toBe(false);
    expect(await assetsCounted()).toBe(countBefore - 1);
    const exported = (await exportInventory(officer, "assets.csv")).body.toString("utf8");
    expect(exported).not.toContain(`${tag} store`);

    // Kept for history: the page still reads it, with who archived it and when.
    const kept = await getAsset(officer, a.id);
    expect(kept).toMatchObject({ archivedAt: state.archivedAt, archivedBy: state.archivedBy });
    expect((await recordHistory(officer, "asset", a.id)).map((e) => e.action)).toContain("inventory.asset.archive");
    expect(await auditCount(a.id, "inventory.asset.archive")).toBe(1);

    const restored = await restoreAsset(officer, a.id);
    expect(restored).toMatchObject({ archivedAt: null, archivedBy: null });
    expect(await inList()).toEqual([a.id]);
    expect(await overviewHas()).toBe(true);
    expect(await auditCount(a.id, "inventory.asset.restore")).toBe(1);
  });

  it("archiving twice, or two people at once, writes one change and one audit event", async () => {
    const a = await createAsset(officer, assetInput());
    const [x, y] = await Promise.all([archiveAsset(officer, a.id), archiveAsset(officer, a.id)]);
    expect(x.archivedAt).toBe(y.archivedAt);
    await archiveAsset(officer, a.id);
    expect(await auditCount(a.id, "inventory.asset.archive")).toBe(1);
  });

  it("auditors and reviewers cannot archive or restore; the refusal is audited and nothing changes", async () => {
    const a = await createAsset(officer, assetInput());
    for (const role of ["auditor", "reviewer"] as const) {
      const who = await actorFor(role);
      expect(await codeOf(archiveAsset(who, a.id))).toBe("FORBIDDEN");
    }
    expect((await db().dataAsset.findUniqueOrThrow({ where: { id: a.id } })).archivedAt).toBeNull();
    await archiveAsset(officer, a.id);
    expect(await codeOf(restoreAsset(await actorFor("auditor"), a.id))).toBe("FORBIDDEN");
    expect((await db().dataAsset.findUniqueOrThrow({ where: { id: a.id } })).archivedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { action: "permission.denied", entityId: a.id } })).toBeGreaterThanOrEqual(3);
  });

  it("an archived asset cannot be edited or newly linked, and an unknown id is NOT_FOUND", async () => {
    const a = await createAsset(officer, assetInput());
    const linked = await createActivity(officer, activityInput({ assetIds: [a.id] }));
    await archiveAsset(officer, a.id);
    expect(await codeOf(updateAsset(officer, a.id, { businessUnit: "Elsewhere" }))).toBe("CONFLICT");
    expect(await codeOf(createActivity(officer, activityInput({ assetIds: [a.id] })))).toBe("VALIDATION");
    // An existing link stays, and the activity can still be edited around it.
    expect((await updateActivity(officer, linked.id, { dpoContact: "privacy@example.org" })).assetIds).toEqual([a.id]);
    expect(await codeOf(archiveAsset(officer, "no-such-asset"))).toBe("NOT_FOUND");
  });
});

describe("inventory lifecycle: processing activities", () => {
  it("an archived activity leaves lists and findings, keeps its history, and is restored", async () => {
    const tag = `archp${Date.now()}`;
    const p = await createActivity(officer, activityInput({ name: `${tag} analytics`, purposes: [{ purpose: "Analytics", lawfulBasis: null }] }));
    const inList = async () => (await listActivities(officer, { q: tag })).items.map((x) => x.id);
    const flagged = async () => (await inventoryControlFindings(officer)).activitiesWithoutLawfulBasis.some((x) => x.id === p.id);
    expect(await inList()).toEqual([p.id]);
    expect(await flagged()).toBe(true);
    await archiveActivity(officer, p.id);
    expect(await inList()).toEqual([]);
    expect(await flagged()).toBe(false);
    expect((await inventoryOverview(officer)).findings.some((f) => f.recordId === p.id)).toBe(false);
    expect((await getActivity(officer, p.id)).archivedAt).not.toBeNull();
    expect(await codeOf(updateActivity(officer, p.id, { dpoContact: "x@example.org" }))).toBe("CONFLICT");
    expect(await codeOf(archiveActivity(await actorFor("auditor"), p.id))).toBe("FORBIDDEN");
    await restoreActivity(officer, p.id);
    expect(await inList()).toEqual([p.id]);
    expect((await recordHistory(officer, "activity", p.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["inventory.activity.archive", "inventory.activity.restore"]));
  });
});

describe("inventory lifecycle: API", () => {
  it("POST /archive and /restore answer 200 with the archive state; a read-only key gets 403", async () => {
    const writer = (await createApiKey(SYSTEM_CLI, { name: "lifecycle writer", scopes: ["inventory:write"] })).key;
    const reader = (await createApiKey(SYSTEM_CLI, { name: "lifecycle reader", scopes: ["inventory:read"] })).key;
    const a = await createAsset(officer, assetInput());
    const p = await createActivity(officer, activityInput());
    const call = (route: typeof archiveAssetRoute, path: string, id: string, key: string) =>
      route(new Request(`http://localhost/api/v1/${path}`, { method: "POST", headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id }) });
    expect((await call(archiveAssetRoute, `assets/${a.id}/archive`, a.id, reader)).status).toBe(403);
    const res = await call(archiveAssetRoute, `assets/${a.id}/archive`, a.id, writer);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: a.id, archivedBy: "api-key:lifecycle writer" });
    const back = await call(restoreAssetRoute, `assets/${a.id}/restore`, a.id, writer);
    expect(await back.json()).toMatchObject({ archivedAt: null });
    expect((await call(archiveActivityRoute, `processing-activities/${p.id}/archive`, p.id, writer)).status).toBe(200);
    expect((await call(archiveActivityRoute, "processing-activities/nope/archive", "nope", writer)).status).toBe(404);
  });
});
