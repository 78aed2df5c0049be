import "server-only";
// Demo consent data, made through the same functions the API uses: purposes with notices,
// and a few weeks of events from a website banner (including GPC signals).
import type { Actor } from "@/lib/server/actor";
import { ingestConsentEvents } from "@/lib/server/consent/ingest-events";
import { createPurpose } from "@/lib/server/consent/purposes";
import { db } from "@/lib/server/db";

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
  // The notices were published before the banner went live: every consent in the demo is
  // given against a notice that existed at the time (a real deployment publishes first too).
  const published = new Date(now.getTime() - 35 * 86_400_000);
  const keys = ["marketing_email", "analytics", "ad_sharing"];
  const purposeIds = (await db().consentPurpose.findMany({ where: { key: { in: keys } }, select: { id: true } })).map((p) => p.id);
  await db().consentNoticeVersion.updateMany({ where: { purposeId: { in: purposeIds } }, data: { publishedAt: published } });
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
      const base = { subjectId, purpose, source: "banner" as const, jurisdiction, evidence: { userAgent: "Mozilla/5.0 (demo banner)", ip: `198.51.100.${i % 250}` } };
      // A refusal in the banner records nothing (the state stays "none"); an opt-out of
      // sale/sharing is a choice of its own. Some who agreed withdraw later, as people do.
      if (yes) {
        events.push({ ...base, action: "grant", occurredAt: at.toISOString() });
        const later = at.getTime() + Math.floor(rand() * 20 * 86_400_000) + 3_600_000;
        if (rand() < 0.15 && later < now.getTime() - 60_000) events.push({ ...base, action: "withdraw", occurredAt: new Date(later).toISOString() });
      } else if (purpose === "ad_sharing") {
        events.push({ ...base, action: "opt_out", occurredAt: at.toISOString() });
      }
    }
    if (jurisdiction === "US-CA" && rand() < 0.3) {
      gpcEvents.push({ subjectId, purpose: "analytics", action: "grant", occurredAt: new Date(at.getTime() + 86_400_000).toISOString(), source: "banner", jurisdiction, gpc: true });
    }
  }
  for (let i = 0; i < events.length; i += 100) await ingestConsentEvents(actor, { events: events.slice(i, i + 100) }, { source: "banner", now });
  if (gpcEvents.length) await ingestConsentEvents(actor, { events: gpcEvents.filter((e) => new Date(e.occurredAt) < now) }, { source: "banner", now });
}
