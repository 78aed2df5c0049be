// The seeded framework catalogues: JSON data files beside this module (facts from the
// official publications; see each file's sourceUrl and licenceNote), plus the product's
// own baseline built from the best-practice controls of lib/posture/catalogue.ts.
import { CONTROL_CATALOGUE } from "../catalogue";
import { catalogSchema, type Catalog } from "./catalog-schema";
import ccpa from "./catalogs/ccpa-cpra.json";
import euAiAct from "./catalogs/eu-ai-act.json";
import gdpr from "./catalogs/gdpr.json";
import hipaaBreach from "./catalogs/hipaa-breach.json";
import hipaaSecurity from "./catalogs/hipaa-security.json";
import iso27001 from "./catalogs/iso-27001-2022.json";
import iso42001 from "./catalogs/iso-42001-2023.json";
import aiRmf from "./catalogs/nist-ai-rmf-1.0.json";
import csf from "./catalogs/nist-csf-2.0.json";
import soc2 from "./catalogs/soc2-tsc.json";

export const BASELINE_FRAMEWORK_ID = "baseline";

function baseline(): Catalog {
  return {
    id: BASELINE_FRAMEWORK_ID,
    version: "1",
    title: "Product security baseline",
    licence: "public",
    licenceNote: "This product's own baseline: the security best practices of its founding brief.",
    requirements: CONTROL_CATALOGUE.filter((c) => c.framework === "best_practice").map((c) => ({
      identifier: c.id, title: c.title, text: c.description, citation: c.citation,
    })),
  };
}

let cached: readonly Catalog[] | null = null;

/** Every seeded catalogue, validated (a malformed data file fails loudly, in tests first). */
export function seededCatalogs(): readonly Catalog[] {
  cached ??= [hipaaSecurity, hipaaBreach, gdpr, ccpa, euAiAct, aiRmf, csf, iso42001, iso27001, soc2]
    .map((raw) => catalogSchema.parse(raw))
    .concat(baseline());
  return cached;
}
