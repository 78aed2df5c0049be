// Validation of OSCAL JSON documents against NIST's published JSON schemas (public domain,
// committed in ./schemas from github.com/usnistgov/OSCAL; see ./schemas/README.md for the version).
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import catalogSchema from "./schemas/oscal_catalog_schema.json";
import componentSchema from "./schemas/oscal_component_schema.json";
import profileSchema from "./schemas/oscal_profile_schema.json";

export type OscalModel = "catalog" | "profile" | "component-definition";
const SCHEMAS: Record<OscalModel, object> = { catalog: catalogSchema, profile: profileSchema, "component-definition": componentSchema };
const compiled = new Map<OscalModel, ValidateFunction>();

function validator(model: OscalModel): ValidateFunction {
  let v = compiled.get(model);
  if (!v) {
    // One Ajv per schema: the three schemas define the same $ids for their shared definitions.
    const ajv = new Ajv({ strict: false, allErrors: false });
    addFormats(ajv);
    v = ajv.compile(SCHEMAS[model]);
    compiled.set(model, v);
  }
  return v;
}

/** The model a document claims by its root key, or null. */
export function oscalModelOf(doc: unknown): OscalModel | null {
  if (!doc || typeof doc !== "object") return null;
  for (const m of ["catalog", "profile", "component-definition"] as const) if (m in doc) return m;
  return null;
}

/** Schema problems (at most 10, as "path: message"), empty when the document is valid. */
export function validateOscal(model: OscalModel, doc: unknown): string[] {
  const v = validator(model);
  if (v(doc)) return [];
  return (v.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || "/"}: ${e.message ?? "invalid"}`);
}
