// Archive and restore of AI systems (docs/decisions/101): out of the registry list, the
// inventory pages' "used by" lists and the posture findings; no new decisions; the page,
// the decisions and the audit history stay. Auditors and reviewers cannot archive.
import { describe, expect, it } from "vitest";
import { POST as archiveRoute } from "@/app/api/v1/ai-systems/[id]/archive/route";
import { POST as restoreRoute } from "@/app/api/v1/ai-systems/[id]/restore/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { oversightControlFindings } from "@/lib/server/oversight/control-findings";
import { archiveAiSystem, restoreAiSystem } from "@/lib/server/oversight/lifecycle";
import { getAiSystem, listAiSystems } from "@/lib/server/oversight/registry";
import { actorFor, makeUser } from "@/lib/server/testing/factories";
import { codeOf, makeSystem, submit, systemKey } from "./helpers";

describe("AI systems: archive and restore", () => {
  it("an archived system leaves the list and the posture findings, submits no decisions, keeps its page and history, and comes back", async () => {
    const { system, officer } = await makeSystem(); // high risk, no escalation policy: a finding
    const listed = async (archived?: string) => (await listAiSystems(officer, archived)).some((s) => s.id === system.id);
    const flagged = async () => (await oversightControlFindings(officer)).findings.some((f) => f.entityId === system.id);
    const decided = await submit(await systemKey(system.id));
    expect(await listed()).toBe(true);
    expect(await flagged()).toBe(true);

    await archiveAiSystem(officer, system.id);
    expect(await listed()).toBe(false);
    expect(await listed("archived")).toBe(true);
    expect(await flagged()).toBe(false);
    expect((await getAiSystem(officer, system.id)).archivedAt).not.toBeNull();
    expect(await codeOf(submit(await systemKey(system.id)))).toBe("CONFLICT");
    expect(await db().oversightDecision.count({ where: { id: decided.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: system.id, action: "oversight.system.archive" } })).toBe(1);

    for (const role of ["auditor", "reviewer"] as const) expect(await codeOf(restoreAiSystem(await actorFor(role), system.id))).toBe("FORBIDDEN");
    expect(await listed()).toBe(false);
    await restoreAiSystem(officer, system.id);
    expect(await listed()).toBe(true);
    expect(await db().auditEvent.count({ where: { entityId: system.id, action: "oversight.system.restore" } })).toBe(1);
  });

  it("the API archives and restores with oversight:admin and refuses a decisions key", async () => {
    const { system } = await makeSystem();
    const owner = await makeUser({ role: "compliance_officer", mfaEnrolled: true });
    const admin = (await createApiKey(SYSTEM_CLI, { name: "oversight admin lifecycle", scopes: ["oversight:admin"], userEmail: owner.email })).key;
    const other = (await createApiKey(SYSTEM_CLI, { name: "decisions lifecycle", scopes: ["decisions:read"] })).key;
    const call = (route: typeof archiveRoute, verb: string, key: string) =>
      route(new Request(`http://localhost/api/v1/ai-systems/${system.id}/${verb}`, { method: "POST", headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id: system.id }) });
    expect((await call(archiveRoute, "archive", other)).status).toBe(403);
    const res = await call(archiveRoute, "archive", admin);
    expect(res.status).toBe(200);
    expect((await res.json()).archivedAt).not.toBeNull();
    expect(await (await call(restoreRoute, "restore", admin)).json()).toMatchObject({ archivedAt: null });
  });
});
