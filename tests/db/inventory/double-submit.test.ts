// The create forms carry a one-time token (lib/server/forms/form-token.ts): two submits of
// one form at the same moment, or a resubmit later, make ONE record and both land on it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { createActivityOnce } from "@/lib/server/inventory/activities";
import { createAssetOnce } from "@/lib/server/inventory/assets";
import { actorFor } from "@/lib/server/testing/factories";
import { activityInput, assetInput, codeOf } from "./fixtures";

let officer: Actor;
beforeAll(async () => {
  officer = await actorFor("compliance_officer");
});

describe("create forms: no double submit", () => {
  it("assets: 2 parallel submits of one form make one asset and one audit event; a later resubmit lands on it too", async () => {
    const input = assetInput();
    const token = randomUUID();
    const [a, b] = await Promise.all([createAssetOnce(officer, input, token), createAssetOnce(officer, input, token)]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await db().dataAsset.count({ where: { name: input.name } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: a.id, action: "inventory.asset.create" } })).toBe(1);
    expect((await createAssetOnce(officer, { ...input, businessUnit: "edited after" }, token)).id).toBe(a.id);
    expect(await db().dataAsset.count({ where: { name: input.name } })).toBe(1);
  });

  it("processing activities: 2 parallel submits make one record", async () => {
    const input = activityInput();
    const token = randomUUID();
    const [a, b] = await Promise.all([createActivityOnce(officer, input, token), createActivityOnce(officer, input, token)]);
    expect(a.id).toBe(b.id);
    expect(await db().processingActivity.count({ where: { name: input.name } })).toBe(1);
  });

  it("a refused submit leaves the token unused (fix the form, submit again); a new form or another person gets a new record", async () => {
    const input = assetInput();
    const token = randomUUID();
    expect(await codeOf(createAssetOnce(officer, { ...input, hosting: "moon" }, token))).toBe("VALIDATION");
    const first = await createAssetOnce(officer, input, token);
    expect(first.replayed).toBe(false);
    const other = await createAssetOnce(officer, input, randomUUID());
    expect(other.id).not.toBe(first.id);
    const colleague = await actorFor("compliance_officer");
    expect((await createAssetOnce(colleague, input, token)).id).not.toBe(first.id);
    expect(await codeOf(createAssetOnce(officer, input, "bad token with spaces"))).toBe("VALIDATION");
    expect(await codeOf(createAssetOnce(await actorFor("auditor"), input, randomUUID()))).toBe("FORBIDDEN");
  });
});
