import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { EVIDENCE_MAX_BYTES } from "@/lib/upload-limits";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { runExclusive } from "@/lib/server/jobs/lease";
import { PROVIDERS } from "@/lib/server/posture/control-tests/registry";
import { createChecklist, getChecklist, listChecklists } from "@/lib/server/posture/checklists";
import { createControl, currentPosture, getControl, listControls, updateControl } from "@/lib/server/posture/controls";
import { downloadEvidence } from "@/lib/server/posture/evidence";
import { overrideControl } from "@/lib/server/posture/override-control";
import { reviewControl } from "@/lib/server/posture/review-control";
import { runControlTests } from "@/lib/server/posture/run-control-tests";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { backfillSeededHistory, postureSeries, runDailySnapshotJob, SNAPSHOT_JOB, takeSnapshot } from "@/lib/server/posture/snapshots";
import { actorFor } from "@/lib/server/testing/factories";
import { CONTROL_CATALOGUE } from "@/lib/posture/catalogue";
import { sealLog } from "../../support/audit";

const text = (s: string) => new TextEncoder().encode(s);
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** Makes every active privileged user MFA-enrolled (test setup: the enrolment flow is the foundation's). */
async function enrolAllPrivileged() {
  await db().user.updateMany({ where: { role: { in: ["admin", "compliance_officer"] }, mfaEnabledAt: null }, data: { mfaEnabledAt: new Date() } });
}

let officer: Actor;
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
  await seedControlCatalogue(SYSTEM_CLI);
  for (const r of ROLES) actors[r] = await actorFor(r);
  officer = actors.compliance_officer;
});

describe("catalogue seed", () => {
  it("inserts every catalogue control and one checklist per framework, and a second run changes nothing", async () => {
    expect(await db().control.count()).toBe(CONTROL_CATALOGUE.length);
    expect(await db().checklist.count({ where: { framework: { not: null } } })).toBe(5);
    expect(await seedControlCatalogue(SYSTEM_CLI)).toEqual({ controls: 0, checklists: 0 });
  });
  it("keeps an officer's edit when seeded again", async () => {
    const { control } = await getControl(officer, "SEC-TRAINING");
    await updateControl(officer, { controlId: "SEC-TRAINING", title: control.title, description: control.description, owner: "Jane CISO", frequencyDays: 60, weight: 2, expectedVersion: control.version });
    await seedControlCatalogue(SYSTEM_CLI);
    const after = (await getControl(officer, "SEC-TRAINING")).control;
    expect(after).toMatchObject({ owner: "Jane CISO", frequencyDays: 60, weight: 2 });
  });
  it("refuses a stale edit (optimistic concurrency) with CONFLICT", async () => {
    const { control } = await getControl(officer, "SEC-ANOMALY");
    const edit = { controlId: "SEC-ANOMALY", title: control.title, description: control.description, frequencyDays: 30, weight: 1, expectedVersion: control.version };
    await updateControl(officer, edit);
    expect(await code(updateControl(officer, edit))).toBe("CONFLICT");
  });
});

describe("permission matrix (posture:read = admin, officer, auditor; posture:write = admin, officer)", () => {
  const expectRead: Record<Role, string> = { admin: "ok", compliance_officer: "ok", auditor: "ok", reviewer: "FORBIDDEN" };
  const expectWrite: Record<Role, string> = { admin: "ok", compliance_officer: "ok", auditor: "FORBIDDEN", reviewer: "FORBIDDEN" };
  it.each(ROLES)("%s", async (role) => {
    const a = actors[role];
    expect(await code(listControls(a, {}))).toBe(expectRead[role]);
    expect(await code(getControl(a, "GDPR-30"))).toBe(expectRead[role]);
    expect(await code(listChecklists(a))).toBe(expectRead[role]);
    expect(await code(postureSeries(a, {}))).toBe(expectRead[role]);
    expect(await code(reviewControl(a, { controlId: "GDPR-30", status: "partial", comment: `by ${role}` }))).toBe(expectWrite[role]);
    expect(await code(overrideControl(a, { controlId: "SEC-MFA", status: null }))).toBe(expectWrite[role]);
    expect(await code(createChecklist(a, { name: `Mine ${role} ${Math.random()}`, controlIds: ["GDPR-30"] }))).toBe(expectWrite[role]);
    expect(await code(runControlTests(a))).toBe(expectWrite[role]);
    expect(await code(takeSnapshot(a))).toBe(expectWrite[role]);
  });
  it("an anonymous caller is refused, and an API key with posture:read reads but cannot write", async () => {
    expect(await code(listControls({ kind: "anonymous", ip: null }, {}))).toBe("UNAUTHENTICATED");
    const key: Actor = { kind: "api_key", keyId: "k1", name: "bi", scopes: ["posture:read"], role: null, userId: null, ip: null };
    expect(await code(postureSeries(key, {}))).toBe("ok");
    expect(await code(reviewControl(key, { controlId: "GDPR-30", status: "satisfied" }))).toBe("FORBIDDEN");
    const reviewerKey: Actor = { kind: "api_key", keyId: "k2", name: "bi", scopes: ["posture:read"], role: "reviewer", userId: "u-rev", ip: null };
    expect(await code(postureSeries(reviewerKey, {}))).toBe("FORBIDDEN"); // key bound to a reviewer: no more than the reviewer
  });
  it("a denial is itself audited", async () => {
    await code(listControls(actors.reviewer, {}));
    const ev = await db().auditEvent.findFirst({ where: { action: "permission.denied", actorId: (actors.reviewer as { userId: string }).userId }, orderBy: { id: "desc" } });
    expect(ev?.diff).toContain("posture:read");
  });
});

describe("checklist review with evidence", () => {
  it("records the review, stores the file with SHA-256 and size, moves the next review date, and audits", async () => {
    const checklist = (await listChecklists(officer)).find((c) => c.framework === "gdpr")!;
    const bytes = text("Art. 30 record exported 2026-11-01\n");
    const r = await reviewControl(officer, { controlId: "GDPR-30", checklistId: checklist.id, status: "satisfied", comment: "Record complete", links: ["https://intranet.example/ropa"] }, [{ name: "../../ropa.txt", type: "text/plain", bytes }]);
    expect(r.evidence[0]).toMatchObject({ name: "ropa.txt", size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") });
    const { control, reviews } = await getControl(officer, "GDPR-30");
    expect(control).toMatchObject({ status: "satisfied", statusSource: "review", overdue: false });
    expect(Date.parse(control.nextReviewAt!) - Date.parse(control.lastReviewedAt!)).toBe(90 * 86_400_000);
    expect(reviews[0]!.evidence.map((e) => e.kind).sort()).toEqual(["file", "link"]);
    const audit = await db().auditEvent.findFirst({ where: { action: "posture.control.review", entityId: "GDPR-30" }, orderBy: { id: "desc" } });
    expect(audit?.diff).toContain(r.evidence[0]!.sha256);
    // History is kept: the earlier review of the permission matrix is still there.
    expect(reviews.length).toBeGreaterThanOrEqual(2);
  });

  it("a download returns the same bytes and is audited; a reviewer is refused", async () => {
    const r = await reviewControl(officer, { controlId: "GDPR-32", status: "satisfied" }, [{ name: "report.pdf", type: "application/pdf", bytes: PDF }]);
    const id = r.evidence[0]!.id;
    const before = await db().auditEvent.count({ where: { action: "posture.evidence.download", entityId: id } });
    const d = await downloadEvidence(actors.auditor, id);
    expect(Buffer.from(d.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(d).toMatchObject({ name: "report.pdf", contentType: "application/pdf", size: PDF.byteLength });
    expect(await db().auditEvent.count({ where: { action: "posture.evidence.download", entityId: id } })).toBe(before + 1);
    expect(await code(downloadEvidence(actors.reviewer, id))).toBe("FORBIDDEN");
    expect(await code(downloadEvidence(officer, "no-such-id"))).toBe("NOT_FOUND");
  });

  it.each([
    ["a file type outside the allowlist", { name: "x.html", type: "text/html", bytes: text("<script>") }],
    ["an executable renamed to pdf (magic bytes)", { name: "x.pdf", type: "application/pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00]) }],
    ["an empty file", { name: "x.txt", type: "text/plain", bytes: new Uint8Array() }],
    ["a file over the size limit", { name: "big.txt", type: "text/plain", bytes: new Uint8Array(EVIDENCE_MAX_BYTES + 1).fill(65) }],
  ])("refuses %s and writes nothing", async (_n, file) => {
    const before = await db().controlReview.count();
    expect(await code(reviewControl(officer, { controlId: "GDPR-25", status: "satisfied" }, [file]))).toBe("VALIDATION");
    expect(await db().controlReview.count()).toBe(before);
  });

  it.each([
    ["not applicable without a reason", { controlId: "GDPR-25", status: "not_applicable" }, "VALIDATION"],
    ["an unknown status", { controlId: "GDPR-25", status: "done" }, "VALIDATION"],
    ["a javascript: evidence link", { controlId: "GDPR-25", status: "satisfied", links: ["javascript:alert(1)"] }, "VALIDATION"],
    ["an unknown control", { controlId: "NOPE-1", status: "satisfied" }, "NOT_FOUND"],
    ["a checklist that does not contain the control", { controlId: "GDPR-25", status: "satisfied", checklistId: "x" }, "NOT_FOUND"],
  ])("refuses %s", async (_n, input, expected) => {
    expect(await code(reviewControl(officer, input))).toBe(expected);
  });

  it("not applicable with a reason is kept with its reason", async () => {
    await reviewControl(officer, { controlId: "AIA-10", status: "not_applicable", naReason: "We do not train models" });
    const { control, reviews } = await getControl(officer, "AIA-10");
    expect(control.status).toBe("not_applicable");
    expect(reviews[0]!.naReason).toBe("We do not train models");
  });

  it("a custom checklist takes a selection of existing controls only", async () => {
    expect(await code(createChecklist(officer, { name: "Bad", controlIds: ["GDPR-30", "NOPE"] }))).toBe("VALIDATION");
    const c = await createChecklist(officer, { name: "Quarterly security", controlIds: ["SEC-MFA", "GDPR-32", "GDPR-32"] });
    const got = await getChecklist(officer, c.id);
    expect(got.controls.map((x) => x.id).sort()).toEqual(["GDPR-32", "SEC-MFA"]);
    expect(await code(createChecklist(officer, { name: "Quarterly security", controlIds: ["SEC-MFA"] }))).toBe("CONFLICT");
  });
});

describe("automated control tests", () => {
  it("the registry holds the foundation and cross-area tests, each on a catalogue control", () => {
    expect(PROVIDERS.map((p) => p.controlId).sort()).toEqual(["BR-NO-OVERDUE-OBLIGATION", "GDPR-6", "SEC-AUDIT-LOG", "SEC-DECISION-SLA", "SEC-ENC-REST", "SEC-HIGH-RISK-APPROVAL", "SEC-MFA", "SEC-REVIEWS-CURRENT"]);
    for (const p of PROVIDERS) expect(CONTROL_CATALOGUE.some((c) => c.id === p.controlId)).toBe(true);
  });

  it("an admin without MFA turns SEC-MFA red naming that admin; enrolment turns it green; a disabled admin is ignored", async () => {
    const lazy = await actorFor("admin");
    await runControlTests(officer);
    let c = (await getControl(officer, "SEC-MFA")).control;
    expect(c.status).toBe("not_satisfied");
    expect(c.test?.failing.map((f) => f.entityId)).toContain((lazy as { userId: string }).userId);
    await enrolAllPrivileged();
    const off = await actorFor("compliance_officer");
    await db().user.update({ where: { id: (off as { userId: string }).userId }, data: { disabledAt: new Date() } });
    await runControlTests(officer);
    c = (await getControl(officer, "SEC-MFA")).control;
    expect(c).toMatchObject({ status: "satisfied", statusSource: "automated" });
    expect(c.test?.failing).toEqual([]);
  });

  it("a tampered audit event turns SEC-AUDIT-LOG red at its seq, without adding verify events", async () => {
    await sealLog();
    await runControlTests(officer);
    await sealLog();
    expect((await getControl(officer, "SEC-AUDIT-LOG")).control.test?.status).toBe("pass");
    const target = await db().auditEvent.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "asc" }, skip: 3 });
    await db().auditEvent.update({ where: { id: target!.id }, data: { action: "forged" } });
    try {
      const verifyEventsBefore = await db().auditEvent.count({ where: { action: { startsWith: "audit.verify" } } });
      await runControlTests(officer);
      const c = (await getControl(officer, "SEC-AUDIT-LOG")).control;
      expect(c.status).toBe("not_satisfied");
      expect(c.test?.failing[0]?.entityId).toBe(String(target!.seq));
      expect(await db().auditEvent.count({ where: { action: { startsWith: "audit.verify" } } })).toBe(verifyEventsBefore);
    } finally {
      await db().auditEvent.update({ where: { id: target!.id }, data: { action: target!.action } });
    }
    await sealLog();
    await runControlTests(officer);
    expect((await getControl(officer, "SEC-AUDIT-LOG")).control.test?.status).toBe("pass");
  });

  it("an overdue manual review turns SEC-REVIEWS-CURRENT red and shows in the overdue filter", async () => {
    await db().control.update({ where: { id: "HIPAA-164.312(c)" }, data: { nextReviewAt: new Date(Date.now() - 86_400_000) } });
    await runControlTests(officer);
    const c = (await getControl(officer, "SEC-REVIEWS-CURRENT")).control;
    expect(c.test?.status).toBe("fail");
    expect(c.test?.failing.map((f) => f.entityId)).toContain("HIPAA-164.312(c)");
    const overdue = await listControls(officer, { status: "overdue" });
    expect(overdue.controls.map((x) => x.id)).toContain("HIPAA-164.312(c)");
    await reviewControl(officer, { controlId: "HIPAA-164.312(c)", status: "satisfied" });
    await runControlTests(officer);
    expect((await getControl(officer, "SEC-REVIEWS-CURRENT")).control.test?.failing.map((f) => f.entityId) ?? []).not.toContain("HIPAA-164.312(c)");
  });

  it("an override needs a reason, only applies to automated controls, wins over the test, and can be cleared", async () => {
    expect(await code(overrideControl(officer, { controlId: "SEC-MFA", status: "not_applicable" }))).toBe("VALIDATION");
    expect(await code(overrideControl(officer, { controlId: "GDPR-30", status: "satisfied", reason: "x" }))).toBe("CONFLICT");
    await overrideControl(officer, { controlId: "SEC-MFA", status: "not_applicable", reason: "SSO enforces MFA upstream" });
    expect((await getControl(officer, "SEC-MFA")).control).toMatchObject({ status: "not_applicable", statusSource: "override" });
    await overrideControl(officer, { controlId: "SEC-MFA", status: null });
    expect((await getControl(officer, "SEC-MFA")).control.statusSource).toBe("automated");
  });
});

describe("snapshots, the daily job and the seeded backfill", () => {
  it("breaking a control moves today's score after the next snapshot", async () => {
    await enrolAllPrivileged();
    const good = await takeSnapshot(officer);
    await actorFor("admin"); // a new admin without MFA
    const bad = await takeSnapshot(officer);
    expect(bad.day).toBe(good.day);
    expect(bad.scores.security!).toBeLessThan(good.scores.security!);
    expect(bad.scores.overall!).toBeLessThan(good.scores.overall!);
    const row = await db().postureSnapshot.findUnique({ where: { day: bad.day } });
    expect(row).toMatchObject({ security: bad.scores.security, seeded: false });
    expect(JSON.parse(row!.counts)).toMatchObject({ failingTests: bad.counts.failingTests });
    const live = await currentPosture(officer);
    expect(live.scores.security).toBe(bad.scores.security);
  });

  it("the daily job takes at most one measured snapshot a day, and waits while another instance holds the lease", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const r1 = await runDailySnapshotJob(tomorrow);
    expect(r1.ran).toBe(true);
    expect((await runDailySnapshotJob(tomorrow)).ran).toBe(false);
    const dayAfter = new Date(Date.now() + 2 * 86_400_000);
    let inner: unknown = "not run";
    await runExclusive(SNAPSHOT_JOB, 60_000, async () => {
      inner = await runDailySnapshotJob(dayAfter);
    }, dayAfter);
    expect(inner).toEqual({ ran: false, reason: "another instance holds the lease" });
    expect(await db().postureSnapshot.findUnique({ where: { day: dayAfter.toISOString().slice(0, 10) } })).toBeNull();
    await db().postureSnapshot.deleteMany({ where: { day: { gt: new Date().toISOString().slice(0, 10) } } });
  });

  it("the backfill adds a year of seeded history, never overwrites a measured day, and is audited", async () => {
    const now = new Date();
    const real = new Date(now.getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
    await db().postureSnapshot.create({ data: { day: real, takenAt: new Date(), overall: 1, counts: "{}", seeded: false } });
    const r = await backfillSeededHistory(officer, now);
    expect(r.inserted).toBe(364);
    expect(await db().postureSnapshot.count({ where: { seeded: true } })).toBe(364);
    expect((await db().postureSnapshot.findUnique({ where: { day: real } }))!.overall).toBe(1);
    expect((await backfillSeededHistory(officer, now)).inserted).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "posture.backfill" } })).toBe(2);
  });

  it("the series filters by range, dates and area, and refuses from > to", async () => {
    const all = await postureSeries(officer, { range: "all" });
    expect(all.points.length).toBe(366);
    expect(all.points.at(-1)!.seeded).toBe(false);
    expect(all.points[0]!.seeded).toBe(true);
    expect((await postureSeries(officer, { range: "30d" })).points.length).toBe(30);
    const sec = await postureSeries(officer, { area: "security", range: "90d" });
    expect(Object.keys(sec.points[0]!).sort()).toEqual(["day", "security", "seeded"]);
    expect(await code(postureSeries(officer, { from: "2026-05-01", to: "2026-04-01" }))).toBe("VALIDATION");
    expect(await code(postureSeries(officer, { area: "everything" }))).toBe("VALIDATION");
  });
});

describe("custom controls", () => {
  it("an officer adds a custom control; a duplicate id is a CONFLICT; an auditor is refused; bad input is VALIDATION", async () => {
    const input = { id: "org-backup-1", title: "Nightly backups restored monthly", description: "Restore test every month.", area: "security", citation: "Internal policy IS-7", frequencyDays: "30", weight: "2", manualCheck: "Attach the restore log." };
    expect(await createControl(officer, input)).toEqual({ id: "ORG-BACKUP-1" });
    const { control } = await getControl(officer, "ORG-BACKUP-1");
    expect(control).toMatchObject({ framework: "custom", status: "not_reviewed", weight: 2, automated: null });
    expect(await code(createControl(officer, input))).toBe("CONFLICT");
    expect(await code(createControl(actors.auditor, { ...input, id: "X-2" }))).toBe("FORBIDDEN");
    expect(await code(createControl(officer, { ...input, id: "bad id!" }))).toBe("VALIDATION");
    expect(await code(createControl(officer, { ...input, id: "X-3", area: "finance" }))).toBe("VALIDATION");
  });
});
