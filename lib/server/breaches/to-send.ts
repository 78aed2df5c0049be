import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * A breach notice still to send: open, or late and not sent yet (a late row with sentAt
 * was sent late), required, on an incident not closed. The email reminders, the webhook
 * scanner and the home page's Needs attention list all mean this.
 */
export const OBLIGATION_TO_SEND = {
  OR: [{ status: "open" }, { status: "late", sentAt: null }],
  applies: true,
  incident: { status: { not: "closed" } },
} satisfies Prisma.BreachObligationWhereInput;
