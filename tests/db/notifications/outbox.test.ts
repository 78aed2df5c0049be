import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { deliverOutbox, enqueueMail } from "@/lib/server/notifications/outbox";
import { buildMail } from "@/lib/notifications/message";
import { MAX_MAIL_ATTEMPTS } from "@/lib/notifications/kinds";
import type { Mailbox } from "../../support/smtp";
import { APP, emailOff, emailOn } from "./helpers";

let box: Mailbox;
beforeAll(async () => {
  box = await emailOn();
});
afterAll(async () => {
  emailOff();
  await box.close();
});
afterEach(async () => {
  box.messages.length = 0;
  box.rejectNext(0);
  box.rejected = 0;
  await db().outboxMessage.deleteMany({});
});

const content = (n: number) => buildMail({ subject: `Test ${n}`, intro: "Hello", link: { url: `${APP}/x/${n}`, label: "Open" } });

describe("email outbox", () => {
  it("is written in the caller's transaction: a rolled-back write leaves no message", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await enqueueMail(tx, { userId: null, to: "a@test.local", kind: "test", content: content(1) });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it("delivers through SMTP with text, HTML and the link", async () => {
    await db().$transaction((tx) => enqueueMail(tx, { userId: null, to: "a@test.local", kind: "test", content: content(2) }));
    expect(await deliverOutbox()).toMatchObject({ sent: 1, failed: 0 });
    expect(box.messages).toHaveLength(1);
    const m = box.messages[0]!;
    expect(m.subject).toBe("Test 2");
    expect(m.text).toContain(`${APP}/x/2`);
    expect(m.html).toContain(`href="${APP}/x/2"`);
    expect(m.from?.text).toContain("noreply@compliance.test.example");
    expect((await db().outboxMessage.findFirstOrThrow()).status).toBe("sent");
    expect(await deliverOutbox()).toMatchObject({ sent: 0 });
    expect(box.messages).toHaveLength(1);
  });

  it("retries with exponential backoff when the server refuses, then delivers", async () => {
    box.rejectNext(2);
    await db().$transaction((tx) => enqueueMail(tx, { userId: null, to: "b@test.local", kind: "test", content: content(3) }));
    const t0 = new Date();
    expect(await deliverOutbox({ now: t0, baseBackoffMs: 1000 })).toMatchObject({ sent: 0, failed: 1 });
    let row = await db().outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toContain("451");
    expect(row.nextAttemptAt.getTime() - t0.getTime()).toBe(1000);
    // Not yet due: nothing is tried.
    expect(await deliverOutbox({ now: new Date(t0.getTime() + 500), baseBackoffMs: 1000 })).toMatchObject({ sent: 0, failed: 0 });
    const t1 = new Date(t0.getTime() + 1000);
    expect(await deliverOutbox({ now: t1, baseBackoffMs: 1000 })).toMatchObject({ failed: 1 });
    row = await db().outboxMessage.findFirstOrThrow();
    expect(row.nextAttemptAt.getTime() - t1.getTime()).toBe(2000);
    expect(await deliverOutbox({ now: new Date(t1.getTime() + 2000), baseBackoffMs: 1000 })).toMatchObject({ sent: 1 });
    expect(box.rejected).toBe(2);
    expect(box.messages.map((m) => m.subject)).toEqual(["Test 3"]);
    expect(await db().outboxMessage.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("is dead after the last attempt and not tried again", async () => {
    box.rejectNext(100);
    await db().$transaction((tx) => enqueueMail(tx, { userId: null, to: "c@test.local", kind: "test", content: content(4) }));
    let now = Date.now();
    for (let i = 0; i < MAX_MAIL_ATTEMPTS; i++) {
      await deliverOutbox({ now: new Date(now), baseBackoffMs: 10 });
      now += 10 * 2 ** i;
    }
    expect(await db().outboxMessage.findFirstOrThrow()).toMatchObject({ status: "dead", attempts: MAX_MAIL_ATTEMPTS });
    expect(await deliverOutbox({ now: new Date(now + 1e9) })).toMatchObject({ sent: 0, failed: 0 });
    expect(box.rejected).toBe(MAX_MAIL_ATTEMPTS);
  });

  it("two deliverers at once send each message exactly once", async () => {
    const n = 30;
    await db().$transaction(async (tx) => {
      for (let i = 0; i < n; i++) await enqueueMail(tx, { userId: null, to: `p${i}@test.local`, kind: "test", content: content(100 + i) });
    });
    const [a, b] = await Promise.all([deliverOutbox({ deliverer: "a" }), deliverOutbox({ deliverer: "b" })]);
    expect(a.sent + b.sent).toBe(n);
    const subjects = box.messages.map((m) => m.subject).sort();
    expect(subjects).toHaveLength(n);
    expect(new Set(subjects).size).toBe(n);
    expect(await db().outboxMessage.count({ where: { status: "sent" } })).toBe(n);
  });

  it("enqueues nothing when email is off", async () => {
    emailOff();
    try {
      expect(await db().$transaction((tx) => enqueueMail(tx, { userId: null, to: "d@test.local", kind: "test", content: content(5) }))).toBeNull();
      expect(await deliverOutbox()).toMatchObject({ skipped: "email is off" });
    } finally {
      Object.assign(process.env, { SMTP_URL: box.url, MAIL_FROM: "Compliance <noreply@compliance.test.example>", APP_URL: APP });
      (await import("@/lib/env")).resetEnvCache();
    }
    expect(await db().outboxMessage.count()).toBe(0);
  });
});
