// The sector regimes that read the organisation's profile (docs/decisions/330), in one list so
// the catalogue gains one line.
import { CA_HSC_RULES } from "./ca-health-facility";
import { DORA_RULES } from "./dora";
import { FTC_HBNR_RULES } from "./ftc-hbnr";
import { FTC_SAFEGUARDS_RULES } from "./ftc-safeguards";
import { NIS2_RULES } from "./nis2";
import { NYDFS_RULES } from "./nydfs";
import { SEC_8K_RULES } from "./sec-8k";

export const SECTOR_RULES = [
  ...SEC_8K_RULES,
  ...NIS2_RULES,
  ...DORA_RULES,
  ...NYDFS_RULES,
  ...FTC_SAFEGUARDS_RULES,
  ...FTC_HBNR_RULES,
  ...CA_HSC_RULES,
];
