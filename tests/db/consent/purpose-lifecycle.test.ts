// Archive and restore of consent purposes (docs/decisions/101): out of the purpose list,
// the rates and the posture findings; the purpose itself stays readable and audited.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as archiveRoute } from "@/app/api/v1/consent/purposes/[id]/archive/route";
import { AppError } from "@/lib/errors";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { consentControlFindings } from "@/lib/server/consent/control-findings";
import { archivePurpose, restorePurpose } from "@/lib/server/consent/lifecycle";
import { createPurpose, getPurpose, listPurposes } from "@/lib/server/consent/purposes";
import { consentRates } from "@/lib/server/consent/rates";
import { actorFor } from "@/lib/server/testing/factories";

const refused = (p: Promise<unknown>) => p.then(() => "OK", (e) => (e instanceof AppError ? e.code : Promise.reject(e)));

describe("consent purposes: archive and restore", () => {
  it("an archived purpose leaves the list, the rates and the findings, stays readable, is audited, and comes back", async () => {
    const officer = await actorFor("compliance_officer");
    // A sale/sharing purpose without a notice: a posture finding.
    const p = await createPurpose(officer, { key: `sale_${randomBytes(4).toString("hex")}`, title: "Sell audiences", lawfulBasis: "consent", saleOrShare: true });
    const listed = async (archived?: string) => (await listPurposes(officer, archived)).some((x) => x.id === p.id);
    const flagged = async () => (await consentControlFindings(officer)).findings.some((f) => "purpose" in f && f.purpose === p.key);
    expect(await listed()).toBe(true);
    expect(await flagged()).toBe(true);
    expect((await consentRates(officer)).purposes).toContain(p.key);

    await archivePurpose(officer, p.id);
    expect(await listed()).toBe(false);
    expect(await listed("archived")).toBe(true);
    expect(await flagged()).toBe(false);
    expect((await consentRates(officer)).purposes).not.toContain(p.key);
    expect((await getPurpose(officer, p.key)).archivedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: p.id, action: "consent.purpose.archive" } })).toBe(1);

    expect(await refused(restorePurpose(await actorFor("auditor"), p.id))).toBe("FORBIDDEN");
    await restorePurpose(officer, p.id);
    expect(await listed()).toBe(true);
  });

  it("the API needs consent:write", async () => {
    const officer = await actorFor("compliance_officer");
    const p = await createPurpose(officer, { key: `arch_${randomBytes(4).toString("hex")}`, title: "Newsletter", lawfulBasis: "consent" });
    const reader = (await createApiKey(SYSTEM_CLI, { name: "consent reader lifecycle", scopes: ["consent:read"] })).key;
    const writer = (await createApiKey(SYSTEM_CLI, { name: "consent writer lifecycle", scopes: ["consent:write"] })).key;
    const call = (key: string) => archiveRoute(new Request(`http://localhost/api/v1/consent/purposes/${p.id}/archive`, { method: "POST", headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id: p.id }) });
    expect((await call(reader)).status).toBe(403);
    expect((await call(writer)).status).toBe(200);
  });
});
