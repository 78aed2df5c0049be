import "server-only";
import { oversightControlFindings } from "@/lib/server/oversight/control-findings";
import { fromFindings, type ControlTestProvider } from "./types";

const href = (entityType: string, id: string) => (entityType === "OversightDecision" ? `/oversight/decisions/${id}` : "/oversight/systems");

/** High-risk AI systems run an approved model version under an escalation policy (EU AI Act Art. 14, 26(2)). */
export const highRiskApprovalTest: ControlTestProvider = {
  controlId: "SEC-HIGH-RISK-APPROVAL",
  area: "oversight",
  checks: "Every high-risk AI system in service has an approved model version and an escalation policy.",
  async run(actor) {
    const { findings } = await oversightControlFindings(actor);
    const failing = findings
      .filter((f) => f.control !== "oversight.decision-sla")
      .map((f) => ({ entityType: f.entityType, entityId: f.entityId, label: `${f.title}: ${f.detail}`, href: href(f.entityType, f.entityId) }));
    return fromFindings(failing, "Every high-risk AI system has an approved model version and an escalation policy.", (k) => `${k} gap${k === 1 ? "" : "s"} on high-risk AI systems.`);
  },
};

/** No escalated decision missed its review SLA in the last 30 days (GDPR Art. 22(3); AI Act Art. 14(4)). */
export const decisionSlaTest: ControlTestProvider = {
  controlId: "SEC-DECISION-SLA",
  area: "oversight",
  checks: "No escalated AI decision breached its review SLA in the last 30 days.",
  async run(actor) {
    const { findings } = await oversightControlFindings(actor);
    const failing = findings
      .filter((f) => f.control === "oversight.decision-sla")
      .map((f) => ({ entityType: f.entityType, entityId: f.entityId, label: `${f.title}: ${f.detail}`, href: href(f.entityType, f.entityId) }));
    return fromFindings(failing, "No review SLA was breached in the last 30 days.", (k) => `${k} decision${k === 1 ? "" : "s"} breached the review SLA in the last 30 days.`);
  },
};
