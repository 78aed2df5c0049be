import { describe, expect, it } from "vitest";
import { categoriesFromAssets, elementsFromAssets, encryptedFromAssets, prefillFromAssets, type LinkedAssetFacts, type Prefill, type PrefillRequest } from "./asset-prefill";

const enc = (...cats: string[]): LinkedAssetFacts => ({ personalDataCategories: cats, encryptedAtRest: true });
const plain = (...cats: string[]): LinkedAssetFacts => ({ personalDataCategories: cats, encryptedAtRest: false });

describe("encryptedFromAssets: every linked asset holding personal data encrypted at rest", () => {
  const cases: { name: string; assets: LinkedAssetFacts[]; expected: boolean }[] = [
    { name: "HIPAA 164.402 'unsecured PHI': one PHI asset encrypted at rest -> encrypted", assets: [enc("phi")], expected: true },
    { name: "GDPR Art. 34(3)(a): all personal-data assets encrypted -> encrypted", assets: [enc("contact"), enc("identity", "financial")], expected: true },
    { name: "Cal. Civ. Code 1798.82(a): one unencrypted personal-data asset -> not encrypted", assets: [enc("contact"), plain("ssn")], expected: false },
    { name: "GDPR Art. 34(3)(a): an unencrypted asset without personal data does not count", assets: [enc("health"), plain()], expected: true },
    { name: "GDPR Art. 34(3)(a): no personal-data asset linked -> no basis for the safe harbour", assets: [enc(), plain()], expected: false },
    { name: "HIPAA 164.402: no asset linked -> not encrypted", assets: [], expected: false },
  ];
  it.each(cases)("$name", (c) => expect(encryptedFromAssets(c.assets)).toBe(c.expected));
});

describe("prefillFromAssets: explicit client values win; stated values are never overwritten", () => {
  const cases: { name: string; req: PrefillRequest; expected: Prefill }[] = [
    {
      name: "HIPAA 164.402: encrypted PHI asset, client silent -> encrypted, categories and phi pre-filled",
      req: { assets: [enc("phi", "identity")], client: {} },
      expected: { encrypted: true, encryptedSource: "assets", dataCategories: ["Identity (name, date of birth)", "Protected health information (PHI)"], phi: true },
    },
    {
      name: "Cal. Civ. Code 1798.82(a): unencrypted asset -> encrypted false from the assets",
      req: { assets: [plain("ssn")], client: {} },
      expected: { encrypted: false, encryptedSource: "assets", dataCategories: ["Social Security number"] },
    },
    {
      name: "GDPR Art. 34(3)(a): client says not encrypted (keys compromised) -> the client wins",
      req: { assets: [enc("contact")], client: { encrypted: false } },
      expected: { encryptedSource: "client", dataCategories: ["Contact details (email, phone, address)"] },
    },
    {
      name: "GDPR Art. 33(3)(a): client gave categories -> no category pre-fill",
      req: { assets: [enc("contact")], client: { dataCategories: ["names"] } },
      expected: { encrypted: true, encryptedSource: "assets" },
    },
    {
      name: "GDPR Art. 33(3)(a): an empty category list counts as none given -> pre-filled",
      req: { assets: [enc("contact")], client: { dataCategories: [] } },
      expected: { encrypted: true, encryptedSource: "assets", dataCategories: ["Contact details (email, phone, address)"] },
    },
    {
      name: "HIPAA 160.103: health category -> phi pre-filled, unless the client said phi false",
      req: { assets: [plain("health")], client: { phi: false } },
      expected: { encrypted: false, encryptedSource: "assets", dataCategories: ["Health data"] },
    },
    {
      name: "HIPAA 164.402: update, encrypted stated earlier by a person -> links do not change it",
      req: { assets: [enc("phi")], client: {}, stored: { encryptedSource: "client", dataCategories: [] } },
      expected: { dataCategories: ["Protected health information (PHI)"], phi: true },
    },
    {
      name: "HIPAA 164.402: update, encrypted pre-filled earlier -> re-derived from the new links",
      req: { assets: [enc("phi"), plain("phi")], client: {}, stored: { encryptedSource: "assets", dataCategories: ["x"] } },
      expected: { encrypted: false, encryptedSource: "assets", phi: true },
    },
    {
      name: "GDPR Art. 34(3)(a): update removing every link -> back to the default (not encrypted)",
      req: { assets: [], client: {}, stored: { encryptedSource: "assets", dataCategories: ["x"] } },
      expected: { encrypted: false, encryptedSource: "default" },
    },
  ];
  // dataElements has its own cases below; these are about encrypted / categories / phi.
  it.each(cases)("$name", (c) => {
    const { dataElements: _elements, ...rest } = prefillFromAssets(c.req);
    expect(rest).toEqual(c.expected);
  });
});

describe("categoriesFromAssets", () => {
  it("GDPR Art. 33(3)(a) categories: deduplicated, catalogue order, unknown codes kept", () => {
    expect(categoriesFromAssets([enc("health", "contact"), plain("contact", "zz_custom")])).toEqual([
      "Contact details (email, phone, address)",
      "Health data",
      "zz_custom",
    ]);
  });
});

describe("dataElements pre-fill", () => {
  const asset = (personalDataCategories: string[]) => ({ personalDataCategories, encryptedAtRest: false });
  it("maps the clear categories, in DATA_ELEMENTS order", () => {
    expect(elementsFromAssets([asset(["contact", "identity"]), asset(["ssn", "location", "financial"])])).toEqual(["name", "ssn", "date_of_birth", "email", "phone", "address"]);
  });
  it("pre-fills when decisive: with a name, or contact data only", () => {
    expect(prefillFromAssets({ assets: [asset(["identity", "ssn"])], client: {} }).dataElements).toEqual(["name", "ssn", "date_of_birth"]);
    expect(prefillFromAssets({ assets: [asset(["contact"])], client: {} }).dataElements).toEqual(["email", "phone", "address"]);
  });
  it("an SSN without an identity category is not decisive: left not given", () => {
    expect(prefillFromAssets({ assets: [asset(["ssn"])], client: {} }).dataElements).toBeUndefined();
  });
  it("never over what the client sent or what is stored", () => {
    expect(prefillFromAssets({ assets: [asset(["identity", "ssn"])], client: { dataElements: null } }).dataElements).toBeUndefined();
    expect(prefillFromAssets({ assets: [asset(["identity", "ssn"])], client: {}, stored: { encryptedSource: "client", dataCategories: [], dataElements: [] } }).dataElements).toBeUndefined();
  });
});
