// Resident-count thresholds of the state statutes ("500 or more" vs "more than 500").
export type Threshold = { readonly atLeast: number } | { readonly moreThan: number };

export function meets(count: number, t: Threshold | undefined): boolean {
  if (!t) return true;
  return "atLeast" in t ? count >= t.atLeast : count > t.moreThan;
}

export function thresholdWords(t: Threshold | undefined): string {
  if (!t) return "any number of residents";
  return "atLeast" in t ? `${t.atLeast} or more residents` : `more than ${t.moreThan} residents`;
}
