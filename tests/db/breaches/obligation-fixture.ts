// A GDPR notice due `ms` from now on a fresh incident whose title names a person (so tests
// can check that the name never travels in mail or webhooks).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";

export async function obligationDueIn(ms: number, recipient = "supervisory_authority") {
  const ref = `INC-2026-T${randomBytes(3).toString("hex")}`;
  const incident = await db().incident.create({ data: { reference: ref, title: "Laptop of Jane Roe stolen", discoveredAt: new Date() } });
  const o = await db().breachObligation.create({
    data: { incidentId: incident.id, key: `GDPR:sa:${ref}`, regime: "GDPR", recipient, dueAt: new Date(Date.now() + ms), dueRule: "72h", citation: "Art. 33", ruleVersion: "1", trigger: "discovery" },
  });
  return { incident, o };
}
