// The inventory forms on the one form pattern: a refusal names each field by its label with
// the value typed, sends every value back (ticked boxes included) and writes nothing; a save
// redirects with a confirmation toast.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { saveActivityAction, saveAssetAction } from "@/app/(dashboard)/inventory/actions";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";

const flashed = vi.hoisted(() => ({ messages: [] as string[] }));
vi.mock("@/lib/server/flash", () => ({ flash: async (m: string) => void flashed.messages.push(m) }));

function formWith(fields: Record<string, string>, lists: Record<string, string[]> = {}): FormData {
  const f = formOf(fields);
  for (const [k, vs] of Object.entries(lists)) for (const v of vs) f.append(k, v);
  return f;
}

const ASSET = { hosting: "cloud", encryptionAtRest: "none", encryptionInTransit: "tls12_plus", accessControl: "rbac", backup: "encrypted", deletionMethod: "none", reviewIntervalMonths: "12" };

describe("inventory form actions: values kept, errors in words, nothing written", () => {
  beforeEach(async () => {
    signedIn.actor = await actorFor("compliance_officer");
    flashed.messages = [];
  });

  it("an asset with a bad country code and a retention in words is refused naming both; ticks come back", async () => {
    const name = `Clinic ${randomUUID()}`;
    const fields = { ...ASSET, name, locations: "de, XX", retentionMonths: "ten", mfaEnforced: "on" };
    const r = await saveAssetAction(null, formWith(fields, { dataCategories: ["health", "contact"] }));
    expect(r).toMatchObject({ ok: false, message: "Check the highlighted fields." });
    expect(r.values).toEqual({ ...fields, dataCategories: "health\ncontact" });
    expect(r.fieldErrors).toEqual({
      "locations.1": 'Locations, item 2 "XX" is not a two-letter country code (ISO 3166-1 alpha-2, e.g. DE, US)',
      retentionMonths: 'Retention period (months) "ten" must be a number',
    });
    expect(await db().dataAsset.count({ where: { name } })).toBe(0);
  });

  it("an empty name and an unknown hosting are named by their labels, never by internal names", async () => {
    const r = await saveAssetAction(null, formWith({ ...ASSET, name: "", hosting: "moon" }));
    expect(r.fieldErrors?.name).toBe("Name is required");
    expect(r.fieldErrors?.hosting).toMatch(/^Hosting "moon" must be one of /);
    expect(r.fieldErrors?.hosting).not.toMatch(/on_prem|"cloud"/);
  });

  it("a valid asset is created and redirects to its page with a toast", async () => {
    const name = `Payroll ${randomUUID()}`;
    await expect(saveAssetAction(null, formWith({ ...ASSET, name, locations: "DE" }))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/inventory\/assets\/.+\?saved=1/) });
    expect(await db().dataAsset.count({ where: { name } })).toBe(1);
    expect(flashed.messages).toEqual(["Asset saved."]);
  });

  it("an activity with a bad transfer country names the row and the field", async () => {
    const name = `Payroll run ${randomUUID()}`;
    const fields = {
      name, role: "controller", controllerName: "Acme GmbH", dpiaStatus: "not_started", reviewIntervalMonths: "12",
      purposes: JSON.stringify([{ purpose: "Pay salaries", lawfulBasis: "contract" }]), recipients: "[]",
      transfers: JSON.stringify([{ country: "ZZ", recipient: null, safeguard: "scc" }]),
    };
    const r = await saveActivityAction(null, formWith(fields, { subjectCategories: ["employees"] }));
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.["transfers.0.country"]).toBe('Transfer 1: Country "ZZ" is not a two-letter country code (ISO 3166-1 alpha-2, e.g. DE, US)');
    expect(r.values?.subjectCategories).toBe("employees");
    expect(await db().processingActivity.count({ where: { name } })).toBe(0);
  });

  it("an auditor is refused and nothing is written", async () => {
    signedIn.actor = await actorFor("auditor");
    const name = `Audit ${randomUUID()}`;
    const r = await saveAssetAction(null, formWith({ ...ASSET, name }));
    expect(r.ok).toBe(false);
    expect(await db().dataAsset.count({ where: { name } })).toBe(0);
    expect(flashed.messages).toEqual([]);
  });
});
