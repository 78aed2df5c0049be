import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { findDueItems } from "@/lib/server/notifications/due-items";
import { notifyAlertRaised } from "@/lib/server/notifications/events";
import { deliverOutbox } from "@/lib/server/notifications/outbox";
import { updateMyPreferences } from "@/lib/server/notifications/preferences";
import { runReminders } from "@/lib/server/notifications/reminders";
import { escalateDecision } from "@/lib/server/oversight/review-decision";
import { applySlaTimeout } from "@/lib/server/oversight/sla";
import { actorFor } from "@/lib/server/testing/factories";
import type { Mailbox } from "../../support/smtp";
import { makeSystem, submit, systemKey } from "../oversight/helpers";
import { APP, emailOff, emailOn, silenceExistingUsers } from "./helpers";
import { obligationDueIn } from "../breaches/obligation-fixture";

let box: Mailbox;
beforeAll(async () => {
  await silenceExistingUsers();
  box = await emailOn();
});
afterAll(async () => {
  emailOff();
  await box.close();
});
// The people earlier tests in this file made would otherwise get every reminder too; with the
// deadlines other files left behind, that flood outgrew one outbox batch (CI saw no mail).
beforeEach(silenceExistingUsers);
afterEach(async () => {
  box.messages.length = 0;
  await db().outboxMessage.deleteMany({});
});


const sentTo = (email: string) => box.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(email));

describe("reminders from the due scanner", () => {
  it("finds due and overdue obligations with a stable key, a link path and officers as recipients", async () => {
    const officer = await actorFor("compliance_officer");
    const soon = await obligationDueIn(3 * 3_600_000);
    const late = await obligationDueIn(-3_600_000);
    const far = await obligationDueIn(72 * 3_600_000);
    const items = await findDueItems();
    const mine = (id: string) => items.find((i) => i.entityId === id);
    expect(mine(soon.o.id)).toMatchObject({ kind: "obligation_due_soon", path: `/breaches/${soon.incident.id}`, key: `obligation:${soon.o.id}:${soon.o.dueAt!.toISOString()}` });
    expect(mine(late.o.id)?.kind).toBe("obligation_overdue");
    expect(mine(far.o.id)).toBeUndefined();
    expect(mine(soon.o.id)!.recipients.map((r) => r.userId)).toContain(officer.userId);
    expect((await findDueItems()).find((i) => i.entityId === soon.o.id)!.key).toBe(mine(soon.o.id)!.key);
  });

  it("sends a reminder once per person, item and kind, with a link and no subject data", async () => {
    const officer = await actorFor("compliance_officer");
    const { incident } = await obligationDueIn(2 * 3_600_000);
    const first = await runReminders();
    expect(first.reminders).toBeGreaterThan(0);
    const again = await runReminders();
    expect(again.reminders).toBe(0);
    await deliverOutbox({ limit: 10_000 });
    const mails = sentTo(officer.email).filter((m) => m.subject?.includes(incident.reference));
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.subject).toContain("due within 24 hours");
    expect(m.text).toContain(`${APP}/breaches/${incident.id}`);
    expect(m.html).toContain(`href="${APP}/breaches/${incident.id}"`);
    // The incident title names a person; mail carries only the reference.
    expect(`${m.subject}${m.text}${m.html}`).not.toContain("Jane Roe");
  });

  it("respects a person's settings: a kind turned off is not sent", async () => {
    const officer = await actorFor("compliance_officer");
    await updateMyPreferences(officer, { enabled: ["obligation_overdue"], digest: false });
    const { incident } = await obligationDueIn(3_600_000);
    await runReminders();
    await deliverOutbox({ limit: 10_000 });
    expect(sentTo(officer.email).filter((m) => m.subject?.includes(incident.reference))).toHaveLength(0);
    expect(await db().auditEvent.count({ where: { action: "account.notifications.update", entityId: officer.userId } })).toBe(1);
  });

  it("sends one digest per person per day, listing their items", async () => {
    const officer = await actorFor("compliance_officer");
    const { incident } = await obligationDueIn(5 * 3_600_000);
    const noon = new Date();
    noon.setUTCHours(12, 0, 0, 0);
    const r1 = await runReminders({ now: noon, obligationWindowMs: 48 * 3_600_000 });
    const r2 = await runReminders({ now: new Date(noon.getTime() + 3_600_000), obligationWindowMs: 48 * 3_600_000 });
    expect(r1.digests).toBeGreaterThan(0);
    expect(r2.digests).toBe(0);
    await deliverOutbox({ limit: 10_000 });
    const digests = sentTo(officer.email).filter((m) => m.subject?.startsWith("Your daily digest"));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain(incident.reference);
    expect(digests[0]!.text).toContain(`${APP}/breaches/${incident.id}`);
  });

  it("mails the reviewers when a decision is escalated, in the same transaction, without subject data or inputs", async () => {
    const { system } = await makeSystem();
    const key = await systemKey(system.id);
    const d = await submit(key, { confidence: 0.5 });
    const officer = await actorFor("compliance_officer");
    const reviewer = await actorFor("reviewer");
    await escalateDecision(reviewer, d.id, { reason: "Needs an officer" });
    await deliverOutbox({ limit: 10_000 });
    const mails = sentTo(officer.email);
    expect(mails).toHaveLength(1);
    const all = `${mails[0]!.subject}${mails[0]!.text}${mails[0]!.html}`;
    expect(all).toContain(`${APP}/oversight/decisions/${d.id}`);
    for (const secret of ["customer-4711", "Debt-to-income", "41000", "23800"]) expect(all).not.toContain(secret);
  });

  it("mails the escalation role when the SLA job escalates a lapsed decision", async () => {
    const { system } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 1, slaHours: 1, onTimeout: "escalate", escalateTo: "compliance_officer" }] });
    const key = await systemKey(system.id);
    const d = await submit(key);
    const officer = await actorFor("compliance_officer");
    expect(await applySlaTimeout(d.id, new Date(Date.now() + 2 * 3_600_000))).toBe(true);
    await deliverOutbox({ limit: 10_000 });
    const m = sentTo(officer.email);
    expect(m).toHaveLength(1);
    expect(m[0]!.subject).toContain("Decision escalated to you");
    expect(m[0]!.text).toContain(`${APP}/oversight/decisions/${d.id}`);
  });

  it("notifyAlertRaised mails admins and officers", async () => {
    const admin = await actorFor("admin");
    await db().$transaction((tx) => notifyAlertRaised(tx, { id: "alert-1", title: "Error rate above 5%", severity: "high" }));
    await deliverOutbox({ limit: 10_000 });
    const m = sentTo(admin.email);
    expect(m).toHaveLength(1);
    expect(m[0]!.subject).toContain("Error rate above 5%");
    expect(m[0]!.text).toContain(`${APP}/alerts?alert=alert-1`);
  });
});
