import "server-only";
import { breachControlFindings } from "@/lib/server/breaches/control-findings";
import { fromFindings, type ControlTestProvider } from "./types";

/** No open breach notification obligation is past its deadline (GDPR 33/34, HIPAA 164.404-410, state laws, AI Act 73). */
export const breachObligationsTest: ControlTestProvider = {
  controlId: "BR-NO-OVERDUE-OBLIGATION",
  area: "breaches",
  checks: "No open notification obligation of any recorded breach is past its due time.",
  async run(actor) {
    const overdue = await breachControlFindings(actor);
    const failing = overdue.map((o) => ({
      entityType: "BreachObligation",
      entityId: o.obligationId,
      label: `${o.incidentReference}: ${o.regime} → ${o.recipient.replace(/_/g, " ")}${o.jurisdiction ? ` (${o.jurisdiction})` : ""} overdue by ${o.overdueByHours} h (${o.citation})`,
      href: `/breaches/${o.incidentId}`,
    }));
    return fromFindings(failing, "No notification obligation is overdue.", (k) => `${k} notification obligation${k === 1 ? " is" : "s are"} overdue.`);
  },
};
