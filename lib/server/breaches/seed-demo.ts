import "server-only";
// Demo incidents made through the area's own functions (validated, audited), with discovery
// times relative to now so the countdowns show overdue, due-soon and later deadlines.
import type { Actor } from "@/lib/server/actor";
import { addTimelineEntry } from "@/lib/server/breaches/add-timeline-entry";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { markObligationSent } from "@/lib/server/breaches/track-obligation";
import { listAssets } from "@/lib/server/inventory/assets";

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

export async function seedBreachesDemo(actor: Actor) {
  const phishing = await createIncident(actor, {
    title: "Phishing: payroll mailbox exposed",
    description: "An employee entered credentials on a spoofed sign-in page; the attacker read the payroll mailbox for about six hours.",
    discoveredAt: ago(30),
    occurredAt: ago(40),
    containedAt: ago(26),
    dataCategories: ["names", "postal addresses", "bank account numbers", "salary"],
    riskLevel: "high",
    riskRationale: "Bank details and salaries of staff: fraud and phishing risk.",
    affected: [{ jurisdiction: "US-CA", count: 640 }, { jurisdiction: "DE", count: 35 }, { jurisdiction: "US-TX", count: 12 }],
  });
  await addTimelineEntry(actor, phishing.id, { at: ago(29), action: "Mailbox password reset, sessions revoked, MFA enforced", performedBy: "IT security on call" });
  await addTimelineEntry(actor, phishing.id, { at: ago(20), action: "Forensic review of mailbox access logs started", performedBy: "External forensics" });
  const de = phishing.obligations.find((o) => o.key === "GDPR:supervisory_authority:DE");
  if (de) await markObligationSent(actor, phishing.id, de.id, { sentAt: ago(4), reference: "BfDI-2026-0415" });

  await createIncident(actor, {
    title: "Lost laptop with patient scheduling export",
    description: "A clinic laptop was left on a train. Full-disk encryption was on and the recovery key is held centrally.",
    discoveredAt: ago(24 * 12),
    phi: true,
    encrypted: true,
    roles: ["covered_entity"],
    dataCategories: ["names", "appointment dates"],
    affected: [{ jurisdiction: "US-NY", count: 310 }],
  });

  await createIncident(actor, {
    title: "Triage assistant recommended wrong urgency",
    description: "The AI triage assistant down-ranked chest-pain reports for two days after a model update; patients waited longer than policy allows.",
    discoveredAt: ago(24 * 9),
    roles: ["ai_provider", "controller"],
    riskLevel: "risk",
    aiSeriousIncident: { kind: "other", system: "Triage assistant v4.2" },
    affected: [{ jurisdiction: "NL", count: 57 }],
  });

  // Linked to an inventory asset: encryption and categories are pre-filled from it (the share is
  // not encrypted at rest); PHI is stated explicitly (German HR health data is not HIPAA PHI).
  const share = (await listAssets(actor, { q: "hr file share", limit: 1 })).items[0];
  if (share) {
    await createIncident(actor, {
      title: "Ransomware on the legacy HR file share",
      description: "The on-premises SMB share was encrypted by ransomware; exfiltration of scanned sick notes before encryption is likely.",
      discoveredAt: ago(50),
      phi: false,
      riskLevel: "high",
      riskRationale: "Health data of employees (GDPR Art. 9) probably exfiltrated.",
      affected: [{ jurisdiction: "DE", count: 85 }],
      assetIds: [share.id],
    });
  }
}
