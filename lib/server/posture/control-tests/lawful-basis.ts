import "server-only";
import { inventoryControlFindings } from "@/lib/server/inventory/integration";
import { fromFindings, type ControlTestProvider } from "./types";

/** Every processing activity (as controller) has a lawful basis per purpose (GDPR Art. 6(1)). */
export const lawfulBasisTest: ControlTestProvider = {
  controlId: "GDPR-6",
  area: "inventory",
  checks: "Every processing activity carried out as controller names an Art. 6(1) lawful basis for each purpose.",
  async run(actor) {
    const f = await inventoryControlFindings(actor);
    const failing = f.activitiesWithoutLawfulBasis.map((p) => ({
      entityType: "ProcessingActivity",
      entityId: p.id,
      label: p.purposesWithoutBasis.length ? `${p.name}: no lawful basis for ${p.purposesWithoutBasis.join(", ")}` : `${p.name}: no purposes recorded`,
      href: `/inventory/activities/${p.id}`,
    }));
    const n = f.totals.activities;
    return fromFindings(failing, `${n} processing activit${n === 1 ? "y" : "ies"}, each with a lawful basis.`, (k) => `${k} processing activit${k === 1 ? "y lacks" : "ies lack"} a lawful basis.`, n === 0);
  },
};
