// Jurisdictions offered by the incident forms (ISO 3166-1 alpha-2 and ISO 3166-2:US). Any valid
// code may be typed; these are the ones the engine has rules for, plus the rest of the US.
import { EEA_COUNTRIES } from "./rules/gdpr";

export const US_STATES: Readonly<Record<string, string>> = {
  "US-AL": "Alabama", "US-AK": "Alaska", "US-AZ": "Arizona", "US-AR": "Arkansas", "US-CA": "California", "US-CO": "Colorado",
  "US-CT": "Connecticut", "US-DE": "Delaware", "US-DC": "District of Columbia", "US-FL": "Florida", "US-GA": "Georgia",
  "US-HI": "Hawaii", "US-ID": "Idaho", "US-IL": "Illinois", "US-IN": "Indiana", "US-IA": "Iowa", "US-KS": "Kansas",
  "US-KY": "Kentucky", "US-LA": "Louisiana", "US-ME": "Maine", "US-MD": "Maryland", "US-MA": "Massachusetts", "US-MI": "Michigan",
  "US-MN": "Minnesota", "US-MS": "Mississippi", "US-MO": "Missouri", "US-MT": "Montana", "US-NE": "Nebraska", "US-NV": "Nevada",
  "US-NH": "New Hampshire", "US-NJ": "New Jersey", "US-NM": "New Mexico", "US-NY": "New York", "US-NC": "North Carolina",
  "US-ND": "North Dakota", "US-OH": "Ohio", "US-OK": "Oklahoma", "US-OR": "Oregon", "US-PA": "Pennsylvania", "US-RI": "Rhode Island",
  "US-SC": "South Carolina", "US-SD": "South Dakota", "US-TN": "Tennessee", "US-TX": "Texas", "US-UT": "Utah", "US-VT": "Vermont",
  "US-VA": "Virginia", "US-WA": "Washington", "US-WV": "West Virginia", "US-WI": "Wisconsin", "US-WY": "Wyoming",
  // Territories with breach statutes (ISO 3166-2:US outlying codes, as the engine spells them).
  "US-PR": "Puerto Rico", "US-GU": "Guam", "US-VI": "U.S. Virgin Islands",
};

export const JURISDICTION_OPTIONS: readonly string[] = [...EEA_COUNTRIES, "GB", ...Object.keys(US_STATES)];

export function isEeaOrUk(code: string): boolean {
  return code === "GB" || EEA_COUNTRIES.includes(code);
}
