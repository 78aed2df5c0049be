import "server-only";
// Demo consent data, made through the same functions the API uses: purposes with notices,
// and a few weeks of events from a website banner (including GPC signals).
import type { Actor } from "@/lib/server/actor";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose } from "@/lib/server/consent/purposes";

export async function seedConsentDemo(actor: Actor, now = new Date()) {
  await createPurpose(actor, {
    key: "marketing_email",
    title: "Marketing emails",
    description: "Newsletters and offers by email.",
    lawfulBasis: "consent",
    noticeText: "We would like to send you our newsletter and occasional offers by email. You can unsubscribe at any time from any email or in your account settings.",
    evidenceRetentionDays: 730,
  });
  await createPurpose(actor, {
    key: "analytics",
    title: "Product analytics",
    description: "Measuring how the website is used, with cookies.",
    lawfulBasis: "consent",
    noticeText: "We use analytics cookies to understand how our website is used and to improve it. No analytics cookie is set unless you agree.",
    evidenceRetentionDays: 395,
  });
  await createPurpose(actor, {
    key: "ad_sharing",
    title: "Cross-context advertising",
    description: "Sharing identifiers with advertising partners.",
    lawfulBasis: "consent",
    saleOrShare: true,
    noticeText: "We share device identifiers with advertising partners for cross-context behavioural advertising. You may opt out of this sharing at any time (Do Not Sell or Share My Personal Information); we honour Global Privacy Control.",
  });
  // Deterministic pseudo-random so the demo looks the same on every install.
  let seed = 20261127;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const events = [];
  const gpcEvents = [];
  for (let i = 0; i < 160; i++) {
    const subjectId = `visitor-${String(i).padStart(4, "0")}@example.com`;
    const at = new Date(now.getTime() - Math.floor(rand() * 28 * 86_400_000) - 3_600_000);
    const jurisdiction = rand() < 0.5 ? "US-CA" : rand() < 0.5 ? "FR" : "DE";
    for (const purpose of ["marketing_email", "analytics", "ad_sharing"]) {
      const yes = rand() < (purpose === "analytics" ? 0.7 : purpose === "marketing_email" ? 0.45 : 0.35);
      events.push({ subjectId, purpose, action: yes ? "grant" : purpose === "ad_sharing" ? "opt_out" : "withdraw", occurredAt: at.toISOString(), source: "banner", jurisdiction, evidence: { userAgent: "Mozilla/5.0 (demo banner)", ip: `198.51.100.${i % 250}` } });
    }
    if (jurisdiction === "US-CA" && rand() < 0.3) {
      gpcEvents.push({ subjectId, purpose: "analytics", action: "grant", occurredAt: new Date(at.getTime() + 86_400_000).toISOString(), source: "banner", jurisdiction, gpc: true });
    }
  }
  for (let i = 0; i < events.length; i += 100) await ingestConsentEvents(actor, { events: events.slice(i, i + 100) }, { source: "banner", now });
  if (gpcEvents.length) await ingestConsentEvents(actor, { events: gpcEvents.filter((e) => new Date(e.occurredAt) < now) }, { source: "banner", now });
}
