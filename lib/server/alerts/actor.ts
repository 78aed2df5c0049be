import type { Actor } from "@/lib/server/actor";

export const SYSTEM_ALERTS: Actor = { kind: "system", label: "alerts" };
