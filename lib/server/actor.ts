// Who is acting. Every lib/server function takes one of these first.
import type { Role } from "@/lib/auth/permissions";

export type Actor =
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      role: Role;
      sessionId: string | null;
      ip: string | null;
      /** MFA is required for this role and the user has not enrolled yet. */
      mfaEnrolmentRequired: boolean;
    }
  | {
      kind: "api_key";
      keyId: string;
      name: string;
      scopes: string[];
      /** The bound user's role: the key can do no more than that user. */
      role: Role | null;
      userId: string | null;
      /**
       * The bound user created this key themselves. Only then is what it does that
       * person's own act (four-eyes counts it as them).
       */
      mintedByBoundUser?: boolean;
      /** Set when the key is bound to one AI system (oversight): it acts for that system only. */
      aiSystemId?: string | null;
      ip: string | null;
    }
  | { kind: "system"; label: string; ip?: null }
  | { kind: "anonymous"; ip: string | null };

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return actor.email;
    case "api_key":
      return `api-key:${actor.name}`;
    case "system":
      return `system:${actor.label}`;
    case "anonymous":
      return "anonymous";
  }
}

export function actorId(actor: Actor): string | null {
  if (actor.kind === "user") return actor.userId;
  if (actor.kind === "api_key") return actor.keyId;
  return null;
}

export const SYSTEM_CLI: Actor = { kind: "system", label: "cli" };
