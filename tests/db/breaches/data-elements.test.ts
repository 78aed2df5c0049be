// dataElements through the API routes: stored, returned, validated, and the US state obligations
// follow them on create and on update (both dialects).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne, PATCH } from "@/app/api/v1/incidents/[id]/route";
import { POST as create } from "@/app/api/v1/incidents/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";

let key = "";
beforeAll(async () => {
  key = (await createApiKey(SYSTEM_CLI, { name: "elements-writer", scopes: ["incidents:write", "incidents:read"] })).key;
});

const req = (method: string, body?: unknown) =>
  new Request("http://localhost/api/v1/incidents", { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

type Body = { id: string; dataElements: string[] | null; obligations: { key: string; dueAt: string | null; dueRule: string }[] };
const keysOf = (b: Body) => b.obligations.map((o) => o.key).sort();

const BASE = {
  title: "Leaked customer export",
  discoveredAt: "2026-03-02T10:00:00Z",
  affected: [{ jurisdiction: "US-CA", count: 600 }, { jurisdiction: "US-TX", count: 10_001 }],
};

describe("incident dataElements", () => {
  it("name + e-mail only: no California or Texas notice; changing to name + SSN recomputes them", async () => {
    const res = await create(req("POST", { ...BASE, dataElements: ["name", "email"] }), params({}));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Body;
    expect(body.obligations.filter((o) => o.key.startsWith("US-"))).toEqual([]);

    const got = (await (await getOne(req("GET"), params({ id: body.id }))).json()) as Body;
    expect(got.dataElements).toEqual(["name", "email"]);

    const patched = await PATCH(req("PATCH", { dataElements: ["name", "ssn"] }), params({ id: body.id }));
    expect(patched.status).toBe(200);
    const p = (await patched.json()) as Body;
    expect(p.dataElements).toEqual(["name", "ssn"]);
    expect(keysOf(p).filter((k) => k.startsWith("US-"))).toEqual([
      "US-CA:attorney_general", "US-CA:individuals", "US-TX:attorney_general", "US-TX:credit_bureaus", "US-TX:individuals",
    ]);
    expect(p.obligations.find((o) => o.key === "US-TX:individuals")?.dueAt).toBe("2026-05-01T23:59:59.999Z");
    // The change and its recomputation are audited in the same transaction.
    const audit = await db().auditEvent.findFirst({ where: { action: "incident.update", entityId: body.id }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit!.diff!).facts.dataElements).toEqual({ from: ["name", "email"], to: ["name", "ssn"] });

    // Back to non-triggering elements: the open state rows go again.
    const back = (await (await PATCH(req("PATCH", { dataElements: ["name", "phone"] }), params({ id: body.id }))).json()) as Body;
    expect(back.obligations.filter((o) => o.key.startsWith("US-"))).toEqual([]);
  });

  it("not given: state rows are produced and marked as needing the data elements; null clears given elements", async () => {
    const body = (await (await create(req("POST", BASE), params({}))).json()) as Body;
    expect(((await (await getOne(req("GET"), params({ id: body.id }))).json()) as Body).dataElements).toBeNull();
    const tx = body.obligations.find((o) => o.key === "US-TX:individuals")!;
    expect(tx.dueRule).toMatch(/^Needs the data elements to decide/);

    const given = (await (await PATCH(req("PATCH", { dataElements: ["name", "medical"] }), params({ id: body.id }))).json()) as Body;
    expect(given.obligations.find((o) => o.key === "US-TX:individuals")!.dueRule).not.toMatch(/^Needs/);
    const cleared = (await (await PATCH(req("PATCH", { dataElements: null }), params({ id: body.id }))).json()) as Body;
    expect(cleared.dataElements).toBeNull();
    expect(cleared.obligations.find((o) => o.key === "US-TX:individuals")!.dueRule).toMatch(/^Needs the data elements/);
  });

  it("an unknown element is refused with 422 naming it, and nothing is written", async () => {
    const res = await create(req("POST", { ...BASE, dataElements: ["name", "shoe_size"] }), params({}));
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain("shoe_size");
  });

  it("encrypted with the key compromised is not exempt", async () => {
    const body = (await (await create(req("POST", { ...BASE, dataElements: ["name", "ssn"], encrypted: true, encryptionKeyCompromised: true }), params({}))).json()) as Body;
    expect(keysOf(body)).toContain("US-TX:individuals");
    const safe = (await (await create(req("POST", { ...BASE, dataElements: ["name", "ssn"], encrypted: true }), params({}))).json()) as Body;
    expect(keysOf(safe).filter((k) => k.startsWith("US-"))).toEqual([]);
  });
});
