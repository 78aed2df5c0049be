// ISO 3166-1 alpha-2 codes, checked against the runtime's CLDR region names (full ICU
// ships with Node and browsers), so no hand-kept list of 249 codes drifts.
const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
// Codes CLDR knows that are not countries in ISO 3166-1 (EU, UN, "unknown region").
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "XK"]);

export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  return names.of(code) !== code;
}

export function countryName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
