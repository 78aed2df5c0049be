// The OSCAL version this product writes, and validates its exports against (decision 523).
export const OSCAL_VERSION = "1.1.3";
