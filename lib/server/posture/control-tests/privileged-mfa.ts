import "server-only";
import { requirePermission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { fromFindings, type ControlTestProvider } from "./types";

const PRIVILEGED = ["admin", "compliance_officer"];

/** Every active admin and compliance officer has MFA enrolled (45 CFR 164.312(d)). */
export const privilegedMfaTest: ControlTestProvider = {
  controlId: "SEC-MFA",
  area: "security",
  checks: "Every active admin and compliance officer has an authenticator enrolled.",
  async run(actor) {
    await requirePermission(actor, "user:read");
    const users = await db().user.findMany({
      where: { role: { in: PRIVILEGED }, disabledAt: null },
      select: { id: true, email: true, role: true, mfaEnabledAt: true },
      orderBy: { email: "asc" },
    });
    const failing = users
      .filter((u) => !u.mfaEnabledAt)
      .map((u) => ({ entityType: "User", entityId: u.id, label: `${u.email} (${u.role.replace("_", " ")}) has no MFA`, href: "/admin" }));
    return fromFindings(failing, `${users.length} privileged user${users.length === 1 ? "" : "s"}, all with MFA.`, (n) => `${n} of ${users.length} privileged users without MFA.`, users.length === 0);
  },
};
