// The organisation's facts the breach rules read (the profile, docs/decisions/330). Pure data:
// lib/server/organisation stores it, the engine receives it through ComputeOptions.

export const NIS2_ENTITY_TYPES = ["essential", "important"] as const;
export type Nis2EntityType = (typeof NIS2_ENTITY_TYPES)[number];

export interface OrganisationFacts {
  /** ISO 3166-1 alpha-2 of the EU/EEA main establishment (GDPR Art. 4(16), 56); null = none. */
  readonly mainEstablishment: string | null;
  /** Registrant under the Securities Exchange Act (Form 8-K filer). */
  readonly listedInUS: boolean;
  /** NIS2 (Directive (EU) 2022/2555) essential or important entity, and where it is one. */
  readonly nis2: { readonly entityType: Nis2EntityType; readonly memberStates: readonly string[] } | null;
  /** Financial entity under DORA (Regulation (EU) 2022/2554) Art. 2. */
  readonly doraFinancialEntity: boolean;
  /** Covered entity under 23 NYCRR Part 500 (NYDFS). */
  readonly nydfsCovered: boolean;
  /** Financial institution under the FTC Safeguards Rule (16 CFR 314.2). */
  readonly ftcSafeguardsFinancialInstitution: boolean;
  /** Vendor of personal health records or PHR related entity (16 CFR 318.2). */
  readonly phrVendor: boolean;
  /** California licensed clinic, health facility, home health agency or hospice (H&S 1280.15). */
  readonly californiaLicensedHealthFacility: boolean;
}

/** Nothing known: no sector regime applies and GDPR keeps one row per concerned authority. */
export const NO_ORGANISATION_FACTS: OrganisationFacts = {
  mainEstablishment: null,
  listedInUS: false,
  nis2: null,
  doraFinancialEntity: false,
  nydfsCovered: false,
  ftcSafeguardsFinancialInstitution: false,
  phrVendor: false,
  californiaLicensedHealthFacility: false,
};
