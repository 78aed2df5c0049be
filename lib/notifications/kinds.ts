// The kinds of email a person can get, and the rules that do not need a database.
export const NOTIFICATION_KINDS = [
  "obligation_due_soon",
  "obligation_overdue",
  "decision_sla_soon",
  "decision_sla_lapsed",
  "control_review_due",
  "decision_escalated",
  "decision_info_requested",
  "alert_raised",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const KIND_LABELS: Record<NotificationKind, string> = {
  obligation_due_soon: "Breach notification due within 24 hours",
  obligation_overdue: "Breach notification overdue",
  decision_sla_soon: "Decision review SLA about to lapse",
  decision_sla_lapsed: "Decision review SLA lapsed",
  control_review_due: "Control review due",
  decision_escalated: "Decision escalated to you",
  decision_info_requested: "A reviewer asks about your AI system's decision",
  alert_raised: "Monitoring alert raised",
};

export function isNotificationKind(v: unknown): v is NotificationKind {
  return typeof v === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(v);
}

/** Delivery attempts before a message is dead. */
export const MAX_MAIL_ATTEMPTS = 6;

/** Exponential backoff with a cap: 1, 2, 4, 8 ... times base, at most 6 hours. */
export function mailBackoffMs(attempt: number, baseMs: number): number {
  return Math.min(6 * 3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** One reminder per person, record and kind, ever (the record's key includes its deadline). */
export function reminderDedupeKey(userId: string, itemKey: string, kind: NotificationKind): string {
  return `r:${userId}:${kind}:${itemKey}`;
}

/** One digest per person and local calendar day. */
export function digestDedupeKey(userId: string, day: string): string {
  return `d:${userId}:${day}`;
}

/** The calendar day (YYYY-MM-DD) and hour of `at` in `timeZone`. */
export function localDayAndHour(at: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}
