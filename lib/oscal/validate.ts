// Validation of OSCAL JSON documents against NIST's published JSON schemas (public domain,
// committed in ./schemas; see ./schemas/README.md for where each came from). A document is
// checked against the schema of the OSCAL version it declares (decision 523): 1.1.x against the
// 1.1.3 complete schema, 1.0.x against the 1.0.6 schemas; other versions are refused by name.
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import catalog106 from "./schemas/oscal_catalog_schema.json";
import complete113 from "./schemas/oscal_complete_schema-1-1-3.json";
import component106 from "./schemas/oscal_component_schema.json";
import profile106 from "./schemas/oscal_profile_schema.json";
import { describeSchemaErrors, jsonPath } from "./schema-errors";
import { OSCAL_VERSION } from "./version";

export type OscalModel = "catalog" | "profile" | "component-definition";
export type OscalSchemaVersion = "1.1.3" | "1.0.6";

const MODELS = ["catalog", "profile", "component-definition"] as const;
const SCHEMAS_106: Record<OscalModel, object> = { catalog: catalog106, profile: profile106, "component-definition": component106 };
const compiled = new Map<string, ValidateFunction>();

// verbose: the messages quote the offending value; allErrors off: the first problem is enough
// to act on and a large catalog is not walked twice.
const newAjv = () => { const ajv = new Ajv({ strict: false, allErrors: false, verbose: true }); addFormats(ajv); return ajv; };

let complete: Ajv | undefined;
/** The root of the complete schema for one model: its `oneOf` branch that requires that key. */
function validator113(model: OscalModel): ValidateFunction {
  if (!complete) { complete = newAjv(); complete.addSchema(complete113); }
  const branch = complete113.oneOf.findIndex((b) => b.required.includes(model));
  const v = complete.getSchema(`${complete113.$id}#/oneOf/${branch}`);
  if (!v) throw new Error(`The OSCAL 1.1.3 schema has no root for ${model}`);
  return v;
}

function validator(model: OscalModel, version: OscalSchemaVersion): ValidateFunction {
  const key = `${version}:${model}`;
  let v = compiled.get(key);
  if (!v) {
    // One Ajv per 1.0.6 schema: the three define the same $ids for their shared definitions.
    v = version === "1.1.3" ? validator113(model) : newAjv().compile(SCHEMAS_106[model]);
    compiled.set(key, v);
  }
  return v;
}

/** The model a document claims by its root key, or null. */
export function oscalModelOf(doc: unknown): OscalModel | null {
  if (!doc || typeof doc !== "object") return null;
  for (const m of MODELS) if (m in doc) return m;
  return null;
}

/** The `oscal-version` a document declares, when it declares one as a string. */
function declaredVersion(model: OscalModel, doc: unknown): string | undefined {
  const v = (doc as Record<string, { metadata?: { "oscal-version"?: unknown } } | undefined>)?.[model]?.metadata?.["oscal-version"];
  return typeof v === "string" ? v : undefined;
}

export type OscalCheck = { schema: OscalSchemaVersion | null; problems: string[] };

/**
 * Checks a document against the schema of its declared OSCAL version. Problems are at most 10
 * lines of "json.path: what is wrong"; none when the document is valid. A document with no
 * version is checked against 1.1.3, which then says the version is missing.
 */
export function checkOscal(model: OscalModel, doc: unknown): OscalCheck {
  const declared = declaredVersion(model, doc);
  const schema: OscalSchemaVersion | null = declared === undefined || /^1\.1\.\d+$/.test(declared) ? OSCAL_VERSION : /^1\.0\.\d+$/.test(declared) ? "1.0.6" : null;
  if (!schema) {
    return { schema, problems: [`${jsonPath(`/${model}/metadata/oscal-version`)}: OSCAL version ${JSON.stringify(declared)} is not supported; import accepts OSCAL 1.0.x and 1.1.x documents`] };
  }
  const v = validator(model, schema);
  return { schema, problems: v(doc) ? [] : describeSchemaErrors(v.errors ?? []) };
}

/** Schema problems of a document (see checkOscal), empty when it is valid. */
export function validateOscal(model: OscalModel, doc: unknown): string[] {
  return checkOscal(model, doc).problems;
}
