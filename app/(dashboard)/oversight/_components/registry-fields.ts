// Labels of the registry forms, shared by the inputs and the server actions' error
// sentences so both name a field the same way (docs/decisions/012-one-form-pattern.md).
import type { FieldSpecs } from "@/lib/forms/issue-words";

export const RISK_TIER_LABELS = { high: "High (Annex III)", limited: "Limited (transparency duties)", minimal: "Minimal", prohibited: "Prohibited (Art. 5)" } as const;
export const DEPLOYMENT_LABELS = { development: "Development", production: "Production", retired: "Retired" } as const;

export const AI_SYSTEM_FIELDS: FieldSpecs = {
  name: "Name",
  owner: "Owner",
  riskTier: { label: "Risk tier (EU AI Act)", choices: RISK_TIER_LABELS },
  deploymentStatus: { label: "Deployment", choices: DEPLOYMENT_LABELS },
  purpose: "Purpose",
};

export const MODEL_VERSION_FIELDS: FieldSpecs = {
  version: "Version",
  artifactSha256: { label: "Artifact SHA-256", format: "must be the artifact's SHA-256 in hex: 64 characters 0-9 and a-f (e.g. the output of sha256sum)" },
  trainingDataRef: "Training data",
  notes: "Evaluation notes (incl. fairness)",
};

/** The links form of an AI system's page (links-form.tsx and setAiSystemLinksAction). */
export const LINK_FIELDS: FieldSpecs = { assetIds: "Data assets", processingActivityIds: "Processing activities (Art. 30)" };
