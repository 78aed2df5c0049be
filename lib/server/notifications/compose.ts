import "server-only";
// The wording of each email. Only record references, titles, deadlines and links.
import { KIND_LABELS, type NotificationKind } from "@/lib/notifications/kinds";
import { absoluteUrl, buildListMail, buildMail, type MailContent } from "@/lib/notifications/message";
import { appUrl } from "@/lib/server/notifications/mailer";
import type { DueItem } from "@/lib/server/notifications/due-items";

export function formatWhen(d: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(d)} (${timeZone})`;
}

const INTRO: Record<DueItem["kind"], string> = {
  obligation_due_soon: "A breach notification is due within 24 hours.",
  obligation_overdue: "A breach notification is overdue.",
  decision_sla_soon: "A decision waiting for human review is about to pass its deadline.",
  decision_sla_lapsed: "A decision passed its review deadline without a verdict.",
  control_review_due: "A control is due for review.",
};

export function reminderMail(item: DueItem, timeZone: string): MailContent {
  return buildMail({
    subject: `${KIND_LABELS[item.kind]}: ${item.title}`,
    intro: INTRO[item.kind],
    lines: [
      { label: "Record", value: item.title },
      { label: item.kind === "decision_sla_lapsed" ? "Lapsed" : "Due", value: formatWhen(item.dueAt, timeZone) },
    ],
    link: { url: absoluteUrl(appUrl(), item.path), label: "Open the record" },
  });
}

export function simpleMail(kind: NotificationKind, subject: string, intro: string, lines: { label: string; value: string }[], path: string): MailContent {
  return buildMail({ subject: `${KIND_LABELS[kind]}: ${subject}`, intro, lines, link: { url: absoluteUrl(appUrl(), path), label: "Open the record" } });
}

export function digestMail(name: string, day: string, items: DueItem[], timeZone: string): MailContent {
  const base = appUrl();
  const kinds = [...new Set(items.map((i) => i.kind))];
  return buildListMail({
    subject: `Your daily digest for ${day}: ${items.length} item${items.length === 1 ? "" : "s"}`,
    intro: `Good morning ${name}. These items need your attention.`,
    sections: kinds.map((k) => ({ title: KIND_LABELS[k], items: items.filter((i) => i.kind === k).map((i) => ({ text: `${i.title} (due ${formatWhen(i.dueAt, timeZone)})`, url: absoluteUrl(base, i.path) })) })),
    link: { url: absoluteUrl(base, "/"), label: "Open the dashboard" },
    footer: "Turn the daily digest off on your account page.",
  });
}
