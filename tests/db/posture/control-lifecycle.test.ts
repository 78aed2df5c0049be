// Archive and restore of controls (docs/decisions/101): out of the control list and the
// posture score (and so its counts), kept on its own page, audited, refused to auditors.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { createControl, currentPosture, getControl, listControls } from "@/lib/server/posture/controls";
import { archiveControl, restoreControl } from "@/lib/server/posture/lifecycle";
import { actorFor } from "@/lib/server/testing/factories";

const refused = (p: Promise<unknown>) => p.then(() => "OK", (e) => (e instanceof AppError ? e.code : Promise.reject(e)));

describe("controls: archive and restore", () => {
  it("an archived control leaves the list and the score's counts, keeps its page, is audited, and comes back", async () => {
    const officer = await actorFor("compliance_officer");
    const id = `ARCH-${randomBytes(3).toString("hex").toUpperCase()}`;
    await createControl(officer, { id, title: "Archivable control", description: "A control made for this test", area: "security", citation: "Policy 1", frequencyDays: 90, manualCheck: "Look at it" });
    const listed = async (archived?: string) => (await listControls(officer, { pageSize: 200, area: "security", ...(archived ? { archived } : {}) })).controls.some((c) => c.id === id);
    const before = await currentPosture(officer);
    expect(await listed()).toBe(true);

    await archiveControl(officer, id);
    const after = await currentPosture(officer);
    expect(after.total).toBe(before.total - 1);
    expect(after.counts.not_reviewed).toBe(before.counts.not_reviewed - 1);
    expect(await listed()).toBe(false);
    expect(await listed("archived")).toBe(true);
    expect((await getControl(officer, id)).control.archivedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: id, action: "posture.control.archive" } })).toBe(1);

    for (const role of ["auditor", "reviewer"] as const) expect(await refused(archiveControl(await actorFor(role), id))).not.toBe("OK");
    expect(await refused(restoreControl(await actorFor("auditor"), id))).toBe("FORBIDDEN");
    await restoreControl(officer, id);
    expect((await currentPosture(officer)).total).toBe(before.total);
  });
});
