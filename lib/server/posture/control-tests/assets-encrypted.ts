import "server-only";
import { inventoryControlFindings } from "@/lib/server/inventory/integration";
import { fromFindings, type ControlTestProvider } from "./types";

/** Every asset holding personal data is encrypted at rest (GDPR Art. 32(1)(a); 45 CFR 164.312(a)(2)(iv)). */
export const assetsEncryptedTest: ControlTestProvider = {
  controlId: "SEC-ENC-REST",
  area: "inventory",
  checks: "Every data asset that holds personal data records encryption at rest.",
  async run(actor) {
    const f = await inventoryControlFindings(actor);
    const failing = f.unencryptedPersonalDataAssets.map((a) => ({
      entityType: "DataAsset",
      entityId: a.id,
      label: `${a.name}: ${a.personalDataCategories.join(", ")} stored without encryption at rest`,
      href: `/inventory/assets/${a.id}`,
    }));
    const n = f.totals.assetsWithPersonalData;
    return fromFindings(failing, `${n} asset${n === 1 ? "" : "s"} with personal data, all encrypted at rest.`, (k) => `${k} of ${n} assets with personal data are not encrypted at rest.`, n === 0);
  },
};
