// audit:verify's reader (raw driver, keyset pages of tuples) on the dialect under test: the
// same events, fields and order as the Prisma reader, across page boundaries, and a row
// changed by hand is still caught.
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalEvent, canonicalTuple } from "@/lib/audit/chain";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit/append";
import { sealedEventPages } from "@/lib/server/audit/sealed-pages";
import { sealedEvents } from "@/lib/server/audit/tree-store";
import { db } from "@/lib/server/db";
import { sealLog, verifyLog } from "../../support/audit";

beforeAll(async () => {
  for (let i = 0; i < 9; i++) await recordAudit(SYSTEM_CLI, { action: "test.pages", entityType: "Thing", entityId: `p${i}`, diff: { i, s: "quote \" and \u00e9 \n" } });
  await sealLog();
});

describe("audit:verify's driver reader", () => {
  it("reads the same tuples as the Prisma reader, in seq order, whatever the page size", async () => {
    const want: string[] = [];
    const leaves: (string | null)[] = [];
    for await (const e of sealedEvents(db())) {
      want.push(canonicalEvent(e));
      leaves.push(e.leafHash);
    }
    expect(want.length).toBeGreaterThanOrEqual(9);
    for (const size of [4, 20_000]) {
      const got: string[] = [];
      const gotLeaves: (string | null)[] = [];
      let pages = 0;
      for await (const page of sealedEventPages(db(), 1, size)) {
        pages++;
        expect(page.length).toBeLessThanOrEqual(size);
        for (const t of page) {
          got.push(canonicalTuple(t));
          gotLeaves.push(t[10]);
        }
      }
      expect(got).toEqual(want);
      expect(gotLeaves).toEqual(leaves);
      if (size === 4) expect(pages).toBe(Math.ceil(want.length / 4));
    }
  });

  it("an event altered by hand is caught at its seq, and the log verifies again once it is put back", async () => {
    const last = (await db().auditEvent.findFirst({ where: { action: "test.pages", entityId: "p4" }, select: { seq: true } }))!.seq!;
    await db().$executeRaw`UPDATE "AuditEvent" SET "entityId" = 'forged' WHERE "seq" = ${last}`;
    try {
      expect(await verifyLog()).toMatchObject({ ok: false, firstBadSeq: last });
    } finally {
      await db().$executeRaw`UPDATE "AuditEvent" SET "entityId" = 'p4' WHERE "seq" = ${last}`;
    }
    expect(await verifyLog()).toMatchObject({ ok: true });
  });
});
