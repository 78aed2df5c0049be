// Pre-filling an incident's facts from the inventory assets it is linked to (issue 5: "linked
// assets (pre-filling whether the data was encrypted)"). Pure: the server and the wizard run it.
//
// The safe harbours the `encrypted` answer feeds:
// - HIPAA: only "unsecured PHI" triggers notice; PHI encrypted per HHS guidance is secured
//   (45 CFR 164.402, definition of "unsecured protected health information");
// - GDPR Art. 34(3)(a): no notice to data subjects where the data was rendered unintelligible,
//   such as by encryption;
// - Cal. Civ. Code 1798.82(a): notice for unencrypted personal information, or encrypted
//   information together with the key or credentials.
// Each requires that the key was NOT compromised. The inventory only knows whether an asset is
// encrypted at rest, so the pre-fill is a starting point the person reporting must confirm.
import { DATA_CATEGORIES } from "@/lib/inventory/catalogue";
import type { DataElement } from "./types";
import { DATA_ELEMENTS } from "./types";

/**
 * Inventory category -> the data elements it clearly contains (lib/inventory/catalogue.ts). Only
 * clear mappings: "location data" is not necessarily precise geolocation, "financial" (income,
 * transactions) is not an account number, so they map to nothing.
 */
const ELEMENTS_OF_CATEGORY: Readonly<Record<string, readonly DataElement[]>> = {
  identity: ["name", "date_of_birth"],
  contact: ["email", "phone", "address"],
  ssn: ["ssn"],
  government_id: ["drivers_license", "state_id"],
  financial_account: ["financial_account_with_code", "payment_card_with_code"],
  credentials: ["username_with_password"],
  biometric: ["biometric"],
  genetic: ["genetic"],
  health: ["medical"],
  phi: ["medical"],
};

/** The data elements the assets' personal-data categories clearly contain, in DATA_ELEMENTS order. */
export function elementsFromAssets(assets: readonly LinkedAssetFacts[]): DataElement[] {
  const set = new Set(assets.flatMap((a) => a.personalDataCategories.flatMap((c) => ELEMENTS_OF_CATEGORY[c] ?? [])));
  return DATA_ELEMENTS.filter((e) => set.has(e));
}

export type LinkedAssetFacts = {
  /** Personal-data category codes of the inventory (lib/inventory/catalogue.ts). */
  personalDataCategories: readonly string[];
  /** True only for provider- or customer-managed keys at rest. */
  encryptedAtRest: boolean;
};

export type EncryptedSource = "client" | "assets" | "default";

/** Categories that make the incident involve PHI (HIPAA) for the pre-fill. */
export const PHI_CATEGORY_CODES: readonly string[] = ["phi", "health"];

/**
 * Encrypted only if at least one linked asset holds personal data and every such asset is
 * encrypted at rest. Assets without personal data do not count either way; a link set with no
 * personal data at all gives no basis for a safe harbour (false: the conservative side).
 */
export function encryptedFromAssets(assets: readonly LinkedAssetFacts[]): boolean {
  const personal = assets.filter((a) => a.personalDataCategories.length > 0);
  return personal.length > 0 && personal.every((a) => a.encryptedAtRest);
}

const LABEL = new Map(DATA_CATEGORIES.map((c) => [c.code, c.label]));

/** The incident's data categories from the assets: the inventory labels, in catalogue order. */
export function categoriesFromAssets(assets: readonly LinkedAssetFacts[]): string[] {
  const codes = new Set(assets.flatMap((a) => a.personalDataCategories));
  const known = DATA_CATEGORIES.filter((c) => codes.has(c.code)).map((c) => c.label);
  const unknown = [...codes].filter((c) => !LABEL.has(c)).sort();
  return [...known, ...unknown];
}

export function phiFromAssets(assets: readonly LinkedAssetFacts[]): boolean {
  return assets.some((a) => a.personalDataCategories.some((c) => PHI_CATEGORY_CODES.includes(c)));
}

/** Elements that decide a state definition on their own (credentials) or never (contact data). */
const NAME_INDEPENDENT: ReadonlySet<DataElement> = new Set(["email", "phone", "address", "username_with_password", "email_with_password"]);

/**
 * An asset listing an SSN but no identity category probably still holds names (the inventory
 * records categories loosely), and "SSN without a name" would switch most state notices off. Such a
 * pre-fill is not made: the elements stay "not given" and the rows say they need them.
 */
function decisive(elements: readonly DataElement[]): boolean {
  return elements.includes("name") || elements.every((e) => NAME_INDEPENDENT.has(e));
}

/** The elements to pre-fill from these assets, or undefined when they do not decide (see above). */
export function elementsPrefill(assets: readonly LinkedAssetFacts[]): DataElement[] | undefined {
  const elements = elementsFromAssets(assets);
  return elements.length && decisive(elements) ? elements : undefined;
}

export type PrefillRequest = {
  /** The assets the request links (the whole new link set). */
  assets: readonly LinkedAssetFacts[];
  /** What the client sent in this request (undefined = not said). */
  client: { encrypted?: boolean; dataCategories?: readonly string[]; phi?: boolean; dataElements?: readonly DataElement[] | null };
  /**
   * The incident as stored (updates only): where its `encrypted` came from and its categories.
   * A value the client stated earlier is never overwritten by a pre-fill.
   */
  stored?: { encryptedSource: EncryptedSource; dataCategories: readonly string[]; dataElements?: readonly DataElement[] | null };
};

export type Prefill = {
  encrypted?: boolean;
  encryptedSource?: EncryptedSource;
  dataCategories?: string[];
  dataElements?: DataElement[];
  phi?: true;
};

/**
 * The fields to set when a request carries asset links. An explicit client value always wins;
 * a pre-fill never overwrites what a person stated before (stored source `client`), and phi is
 * only ever pre-filled to true (never cleared by unlinking).
 */
export function prefillFromAssets(req: PrefillRequest): Prefill {
  const out: Prefill = {};
  if (req.client.encrypted !== undefined) {
    out.encryptedSource = "client";
  } else if (!req.stored || req.stored.encryptedSource !== "client") {
    if (req.assets.length > 0) {
      out.encrypted = encryptedFromAssets(req.assets);
      out.encryptedSource = "assets";
    } else {
      out.encrypted = false;
      out.encryptedSource = "default";
    }
  }
  const clientGaveCategories = (req.client.dataCategories?.length ?? 0) > 0;
  const storedCategories = (req.stored?.dataCategories.length ?? 0) > 0;
  if (!clientGaveCategories && !storedCategories) {
    const cats = categoriesFromAssets(req.assets);
    if (cats.length) out.dataCategories = cats;
  }
  // Elements: only when neither this request nor the stored incident says which (null/absent).
  const storedElements = req.stored?.dataElements;
  if (req.client.dataElements === undefined && (storedElements === undefined || storedElements === null)) {
    const elements = elementsPrefill(req.assets);
    if (elements) out.dataElements = elements;
  }
  if (req.client.phi === undefined && phiFromAssets(req.assets)) out.phi = true;
  return out;
}
