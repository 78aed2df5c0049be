import "server-only";
// Demo data for the posture area, made through the area's own functions (validated and
// audited like anything an officer does): the catalogue, a set of reviews with evidence,
// a first measured snapshot, and a year of history marked as seeded.
import { CONTROL_CATALOGUE } from "@/lib/posture/catalogue";
import type { ReviewStatus } from "@/lib/posture/types";
import type { Actor } from "@/lib/server/actor";
import { hasAutomatedTest } from "./control-tests/registry";
import { reviewControl } from "./review-control";
import { seedFrameworks } from "./frameworks/seed";
import { seedControlCatalogue } from "./seed-catalogue";
import { backfillSeededHistory } from "./snapshots";

const DEMO_REVIEWS: Record<string, { status: ReviewStatus; comment: string; naReason?: string; link?: string }> = {
  "SEC-ENC-TRANSIT": { status: "satisfied", comment: "TLS 1.3 on every public endpoint; internal service mesh uses mTLS.", link: "https://www.ssllabs.com/ssltest/" },
  "SEC-LEAST-PRIVILEGE": { status: "partial", comment: "Quarterly access review done for production; analytics warehouse still has two shared accounts." },
  "SEC-MINIMISATION": { status: "partial", comment: "Training data pseudonymised; the CRM export still carries full birth dates." },
  "SEC-MODEL-PROTECTION": { status: "satisfied", comment: "Model registry bucket encrypted with KMS; deploy role limited to the ML platform team." },
  "SEC-MODEL-VERSIONING": { status: "satisfied", comment: "All production models pinned to registry versions with signed manifests." },
  "SEC-VULN-PATCH": { status: "satisfied", comment: "Weekly dependency scan; no critical finding older than 7 days." },
  "SEC-SDLC": { status: "satisfied", comment: "Branch protection with two reviewers, CI with tests and SAST on every merge." },
  "SEC-TRAINING": { status: "partial", comment: "Training completion 87%; phishing simulation click rate 6%." },
  "SEC-ANOMALY": { status: "not_satisfied", comment: "No alerting on bulk exports yet; ticket SEC-412." },
  "SEC-ACCOUNTABILITY": { status: "satisfied", comment: "DPO and head of AI governance designated; owners on every control." },
  "GDPR-5": { status: "partial", comment: "Retention periods missing for two marketing activities." },
  "GDPR-7": { status: "satisfied", comment: "Consent ledger keeps proof; withdrawal tested on web and app." },
  "GDPR-25": { status: "satisfied", comment: "Privacy review is part of the launch checklist." },
  "GDPR-30": { status: "partial", comment: "Record complete except transfer safeguards for one processor." },
  "GDPR-32": { status: "satisfied", comment: "Restore test passed on 2026-10-02." },
  "GDPR-33": { status: "satisfied", comment: "Breach register complete; last notice made within 40 hours." },
  "GDPR-35": { status: "not_satisfied", comment: "DPIA for the credit scoring model not yet approved." },
  "HIPAA-164.312(a)": { status: "satisfied", comment: "Unique IDs, 15-minute automatic logoff, break-glass procedure documented." },
  "HIPAA-164.312(b)": { status: "satisfied", comment: "Merkle-tree audit log with Ed25519-signed tree heads; heads exported weekly." },
  "HIPAA-164.312(e)": { status: "satisfied", comment: "TLS everywhere ePHI travels." },
  "CCPA-NOTICE": { status: "satisfied", comment: "Notice at collection on every form.", link: "https://oag.ca.gov/privacy/ccpa" },
  "CCPA-GPC": { status: "partial", comment: "GPC honoured on the website; mobile app pending." },
  "AIA-9": { status: "partial", comment: "Risk register exists for two of three high-risk systems." },
  "AIA-14": { status: "satisfied", comment: "Reviewers assigned; override and stop tested in October." },
  "AIA-73": { status: "not_applicable", comment: "", naReason: "No AI system in scope of Art. 73 is placed on the EU market by us yet." },
};

export async function seedPostureDemo(actor: Actor, now = new Date()) {
  await seedControlCatalogue(actor, now);
  await seedFrameworks(actor);
  for (const c of CONTROL_CATALOGUE) {
    const r = DEMO_REVIEWS[c.id];
    if (!r || hasAutomatedTest(c.id)) continue;
    const files = c.id === "GDPR-32"
      ? [{ name: "restore-test-2026-10.txt", type: "text/plain", bytes: new TextEncoder().encode("Restore test 2026-10-02: database restored from backup in 23 minutes; checksums match.\n") }]
      : [];
    await reviewControl(actor, { controlId: c.id, status: r.status, comment: r.comment || undefined, naReason: r.naReason, links: r.link ? [r.link] : [] }, files);
  }
  // Takes today's measured snapshot (running the automated tests) and the seeded year.
  await backfillSeededHistory(actor, now);
}
