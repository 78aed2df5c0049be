// AI system <-> data inventory links (issue 6 item 1, issue 3 item 1), through lib/server only.
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { createActivity } from "@/lib/server/inventory/activities";
import { createAsset } from "@/lib/server/inventory/assets";
import { aiSystemsUsingInventoryRecord, getAiSystemLinks, LINK_CANDIDATES_SHOWN, linkCandidates, setAiSystemLinks } from "@/lib/server/oversight/links";
import { archiveAsset } from "@/lib/server/inventory/lifecycle";
import { createAiSystem, getAiSystem, listAiSystems, updateAiSystem } from "@/lib/server/oversight/registry";
import { actorFor } from "@/lib/server/testing/factories";
import { activityInput, assetInput } from "../inventory/fixtures";
import { codeOf, keyActor, makeSystem, uid } from "./helpers";

async function inventory() {
  const o = await actorFor("compliance_officer");
  const a1 = await createAsset(o, assetInput({ name: uid("Core banking") }));
  const a2 = await createAsset(o, assetInput({ name: uid("Credit bureau feed") }));
  const p1 = await createActivity(o, activityInput({ name: uid("Credit scoring"), assetIds: [a1.id] }));
  return { a1, a2, p1 };
}

const linkEvents = (aiSystemId: string) => db().auditEvent.findMany({ where: { action: "oversight.system.links", entityId: aiSystemId }, orderBy: { id: "asc" } });
const diffOf = (e: { diff: string | null }) => JSON.parse(e.diff ?? "null") as { assets: { added: string[]; removed: string[] }; processingActivities: { added: string[]; removed: string[] } };

async function validationOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("AI system links: stored and audited", () => {
  it("sets, replaces and clears links; each change is one audit event with the added and removed ids", async () => {
    const { system, officer } = await makeSystem();
    const { a1, a2, p1 } = await inventory();
    const r = await setAiSystemLinks(officer, system.id, { assetIds: [a1.id, a2.id, a1.id], processingActivityIds: [p1.id] });
    expect(r.assetIds).toEqual([a1.id, a2.id].sort());
    expect(r.processingActivityIds).toEqual([p1.id]);
    let events = await linkEvents(system.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(officer.userId);
    expect(diffOf(events[0]!)).toEqual({ assets: { added: [a1.id, a2.id].sort(), removed: [] }, processingActivities: { added: [p1.id], removed: [] } });

    // Only the asset set is sent: the activity set stays.
    await setAiSystemLinks(officer, system.id, { assetIds: [a2.id] });
    const view = await getAiSystem(officer, system.id);
    expect(view.assetIds).toEqual([a2.id]);
    expect(view.processingActivityIds).toEqual([p1.id]);
    events = await linkEvents(system.id);
    expect(events).toHaveLength(2);
    expect(diffOf(events[1]!)).toEqual({ assets: { added: [], removed: [a1.id] }, processingActivities: { added: [], removed: [] } });

    // Sending the same sets again changes nothing and records nothing.
    expect((await setAiSystemLinks(officer, system.id, { assetIds: [a2.id], processingActivityIds: [p1.id] })).changed).toBe(false);
    expect(await linkEvents(system.id)).toHaveLength(2);

    await setAiSystemLinks(officer, system.id, { assetIds: [], processingActivityIds: [] });
    expect(await db().aiSystemAsset.count({ where: { aiSystemId: system.id } })).toBe(0);
    expect(await db().aiSystemActivity.count({ where: { aiSystemId: system.id } })).toBe(0);
    expect(diffOf((await linkEvents(system.id))[2]!)).toEqual({ assets: { added: [], removed: [a2.id] }, processingActivities: { added: [], removed: [p1.id] } });
  });

  it("createAiSystem and updateAiSystem take the links in their own transaction", async () => {
    const o = await actorFor("admin");
    const { a1, p1 } = await inventory();
    const created = await createAiSystem(o, { name: uid("Fraud"), purpose: "Flags card fraud", riskTier: "limited", assetIds: [a1.id], processingActivityIds: [p1.id] });
    expect(created).toMatchObject({ assetIds: [a1.id], processingActivityIds: [p1.id] });
    expect(await linkEvents(created.id)).toHaveLength(1);
    const updated = await updateAiSystem(o, created.id, { deploymentStatus: "production", assetIds: [] });
    expect(updated).toMatchObject({ deploymentStatus: "production", assetIds: [], processingActivityIds: [p1.id] });
    const listed = (await listAiSystems(o)).find((s) => s.id === created.id)!;
    expect(listed.processingActivityIds).toEqual([p1.id]);
  });
});

describe("AI system links: refused input writes nothing", () => {
  it("an unknown asset or activity id is refused (422) naming every bad id; the links stay as they were and nothing is audited", async () => {
    const { system, officer } = await makeSystem();
    const { a1, a2 } = await inventory();
    await setAiSystemLinks(officer, system.id, { assetIds: [a1.id] });
    const err = await validationOf(setAiSystemLinks(officer, system.id, { assetIds: [a2.id, "no-such-asset"], processingActivityIds: ["no-such-activity"] }));
    expect(err.code).toBe("VALIDATION");
    expect(err.message).toContain("no-such-asset");
    expect(err.message).toContain("no-such-activity");
    expect(err.details).toEqual([
      { path: "assetIds", message: "unknown asset id(s): no-such-asset" },
      { path: "processingActivityIds", message: "unknown processing activity id(s): no-such-activity" },
    ]);
    expect((await getAiSystem(officer, system.id)).assetIds).toEqual([a1.id]);
    expect(await linkEvents(system.id)).toHaveLength(1);
  });

  it("an update with a bad id changes neither the fields nor the links (one transaction)", async () => {
    const { system, officer } = await makeSystem();
    expect(await codeOf(updateAiSystem(officer, system.id, { deploymentStatus: "production", assetIds: ["nope"] }))).toBe("VALIDATION");
    expect((await getAiSystem(officer, system.id)).deploymentStatus).toBe("development");
    expect(await db().auditEvent.count({ where: { entityId: system.id, action: "oversight.system.update" } })).toBe(0);
  });

  it("a registration with a bad id creates no system", async () => {
    const o = await actorFor("compliance_officer");
    const name = uid("Ghost");
    expect(await codeOf(createAiSystem(o, { name, purpose: "x", riskTier: "minimal", processingActivityIds: ["nope"] }))).toBe("VALIDATION");
    expect(await db().aiSystem.count({ where: { name } })).toBe(0);
  });

  it("malformed bodies and unknown systems are refused", async () => {
    const { system, officer } = await makeSystem();
    expect(await codeOf(setAiSystemLinks(officer, system.id, { assetIds: "abc" }))).toBe("VALIDATION");
    expect(await codeOf(setAiSystemLinks(officer, system.id, { assetIds: [""] }))).toBe("VALIDATION");
    expect(await codeOf(setAiSystemLinks(officer, "no-such-system", { assetIds: [] }))).toBe("NOT_FOUND");
  });
});

describe("AI system links: permissions", () => {
  it.each(ROLES)("setAiSystemLinks as %s (officers and admins only; refused writes nothing)", async (role) => {
    const { system } = await makeSystem();
    const { a1 } = await inventory();
    const actor = await actorFor(role);
    if (role === "admin" || role === "compliance_officer") {
      expect((await setAiSystemLinks(actor, system.id, { assetIds: [a1.id] })).assetIds).toEqual([a1.id]);
    } else {
      expect(await codeOf(setAiSystemLinks(actor, system.id, { assetIds: [a1.id] }))).toBe("FORBIDDEN");
      expect(await codeOf(updateAiSystem(actor, system.id, { assetIds: [a1.id] }))).toBe("FORBIDDEN");
      expect(await db().aiSystemAsset.count({ where: { aiSystemId: system.id } })).toBe(0);
      expect(await db().auditEvent.count({ where: { action: "permission.denied", actorId: actor.userId } })).toBeGreaterThan(0);
    }
  });

  it("keys: the AI system's own key and a reviewer's review key cannot link (oversight:admin keys are only issued to officers and admins)", async () => {
    const { system } = await makeSystem();
    const { a1 } = await inventory();
    const reviewer = await actorFor("reviewer");
    const bound = await keyActor({ scopes: ["decisions:read", "decisions:write"], aiSystemId: system.id });
    const reviewKey = await keyActor({ scopes: ["decisions:review"], userEmail: reviewer.email });
    for (const k of [bound, reviewKey]) expect(await codeOf(setAiSystemLinks(k, system.id, { assetIds: [a1.id] }))).toBe("FORBIDDEN");
    expect(await db().aiSystemAsset.count({ where: { aiSystemId: system.id } })).toBe(0);
  });

  it.each(ROLES)("aiSystemsUsingInventoryRecord as %s (inventory:read)", async (role) => {
    const { a1 } = await inventory();
    const actor = await actorFor(role);
    if (role === "reviewer") expect(await codeOf(aiSystemsUsingInventoryRecord(actor, "asset", a1.id))).toBe("FORBIDDEN");
    else expect(await aiSystemsUsingInventoryRecord(actor, "asset", a1.id)).toEqual([]);
  });

  it("linkCandidates needs oversight:admin", async () => {
    expect(await codeOf(linkCandidates(await actorFor("auditor")))).toBe("FORBIDDEN");
    const { a1 } = await inventory();
    const o = await actorFor("compliance_officer");
    expect((await linkCandidates(o, { find: a1.name })).assets.map((a) => a.id)).toContain(a1.id);
  });

  it("linkCandidates offers the linked records (archived too) and at most LINK_CANDIDATES_SHOWN matches, found by name ignoring case", async () => {
    const o = await actorFor("compliance_officer");
    const stem = uid("Picker");
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createAsset(o, assetInput({ name: `${stem} ${i}` })));
    await archiveAsset(o, made[2]!.id);
    const found = await linkCandidates(o, { find: stem.toUpperCase() });
    expect(found.assets.map((a) => a.name)).toEqual([`${stem} 0`, `${stem} 1`]);
    expect(found.matches.assets).toBe(2);
    expect(found.find).toBe(stem.toUpperCase());
    // A linked record is offered whatever the search, first, so saving the form keeps it.
    const withLinked = await linkCandidates(o, { find: `${stem} 1`, linkedAssetIds: [made[2]!.id] });
    expect(withLinked.assets.map((a) => a.id)).toEqual([made[2]!.id, made[1]!.id]);
    // Without a search: the first LINK_CANDIDATES_SHOWN by name, and how many there are in all.
    const all = await linkCandidates(o);
    expect(all.assets.length).toBeLessThanOrEqual(LINK_CANDIDATES_SHOWN);
    expect(all.matches.assets, "other files add assets meanwhile: at least this file's two active ones").toBeGreaterThanOrEqual(2);
  });
});

describe("AI system links: visible from both sides", () => {
  it("the asset and the activity list the systems that use them; the system lists them with names for inventory readers only", async () => {
    const { system, officer } = await makeSystem();
    const other = await makeSystem();
    const { a1, a2, p1 } = await inventory();
    await setAiSystemLinks(officer, system.id, { assetIds: [a1.id], processingActivityIds: [p1.id] });
    await setAiSystemLinks(officer, other.system.id, { assetIds: [a1.id, a2.id] });
    const auditor = await actorFor("auditor");
    expect((await aiSystemsUsingInventoryRecord(auditor, "asset", a1.id)).map((s) => s.id).sort()).toEqual([system.id, other.system.id].sort());
    expect((await aiSystemsUsingInventoryRecord(auditor, "asset", a2.id)).map((s) => s.name)).toEqual([other.system.name]);
    expect(await aiSystemsUsingInventoryRecord(auditor, "activity", p1.id)).toEqual([{ id: system.id, name: system.name, riskTier: "high", deploymentStatus: "development" }]);

    const links = await getAiSystemLinks(auditor, system.id);
    expect(links.assets).toEqual([{ id: a1.id, name: a1.name }]);
    expect(links.processingActivities).toEqual([{ id: p1.id, name: p1.name }]);
    // A reviewer may see the system but not the inventory: ids without names.
    const asReviewer = await getAiSystemLinks(await actorFor("reviewer"), system.id);
    expect(asReviewer.assets).toEqual([{ id: a1.id, name: null }]);

    await setAiSystemLinks(officer, system.id, { assetIds: [] });
    expect((await aiSystemsUsingInventoryRecord(auditor, "asset", a1.id)).map((s) => s.id)).toEqual([other.system.id]);
  });
});
