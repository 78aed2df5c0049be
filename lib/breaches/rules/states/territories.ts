// US territories with breach-notification statutes (see a-i.ts for what `unconfirmed` means).
import type { StateSpec } from "../state-engine";
import { CORE, CREDENTIALS } from "../pi-definition";
import { agency, def, ENC, ownerNow, unconfirmed, WUD } from "./helpers";

const PR = unconfirmed({
  state: "US-PR", family: "us-pr-10-4051", validFrom: "2008-07-01", trigger: "discovery",
  encryptionSafeHarbor: `10 L.P.R.A. 4051: ${ENC}`,
  definition: def("10 L.P.R.A. 4051(a)", [...CORE, "financial_account", "medical", "tax_id"], CREDENTIALS),
  residents: { days: null, citation: "10 L.P.R.A. 4052", words: "as expeditiously as possible" },
  regulators: [agency("10 L.P.R.A. 4052", "Department of Consumer Affairs (DACO): within 10 days after the violation is detected (DACO publishes it within 24 hours)", { timing: { kind: "days", days: 10 } })],
  maintainer: ownerNow("10 L.P.R.A. 4052"),
});

const GU = unconfirmed({
  state: "US-GU", family: "us-gu-9-48", validFrom: "2009-07-01", trigger: "discovery",
  encryptionSafeHarbor: `9 G.C.A. 48-20: ${ENC}`,
  definition: def("9 G.C.A. 48-20(e)", [...CORE, "financial_account"]),
  riskOfHarm: "9 G.C.A. 48-30(a): notice when the breach has caused or is reasonably believed to cause identity theft or other fraud",
  residents: { days: null, citation: "9 G.C.A. 48-30(a)", words: "without unreasonable delay" },
  regulators: [],
  maintainer: { citation: "9 G.C.A. 48-30(b)", words: "Owner or licensee: as soon as practicable following discovery" },
});

const VI = unconfirmed({
  state: "US-VI", family: "us-vi-14-2208", validFrom: "2005-10-17", trigger: "discovery",
  encryptionSafeHarbor: `14 V.I.C. 2208(e): ${ENC}`,
  definition: def("14 V.I.C. 2208(e)", CORE),
  residents: { days: null, citation: "14 V.I.C. 2208(a)", words: WUD },
  regulators: [],
  maintainer: ownerNow("14 V.I.C. 2208(b)"),
});

export const TERRITORIES: readonly StateSpec[] = [PR, GU, VI];
