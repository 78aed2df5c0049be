// Ajv's schema errors, said in words a person loading a file can act on: where (a JSON path such
// as `catalog.groups[0].controls[3].id`) and what is wrong (a missing field, a field that is not
// allowed, a value that is not a UUID...), instead of a JSON pointer and a regular expression.
import type { ErrorObject } from "ajv";

/** OSCAL's datatypes (the `*Datatype` definitions of NIST's schemas), as a reader knows them. */
const DATATYPES: Record<string, string> = {
  UUIDDatatype: "a version 4 or 5 UUID (such as 3b2a5a2c-8f0e-4c1d-9a6b-2f1e0d9c8b7a)",
  TokenDatatype: 'a token (a letter or "_", then letters, digits, ".", "-" or "_"; no spaces)',
  StringDatatype: "a non-empty text without leading or trailing spaces",
  DateTimeWithTimezoneDatatype: "a date and time with a time zone (such as 2024-01-31T12:00:00Z)",
  DateDatatype: "a date (such as 2024-01-31)",
  DateWithTimezoneDatatype: "a date with a time zone (such as 2024-01-31Z)",
  URIDatatype: "an absolute URI (such as https://example.org/x)",
  URIReferenceDatatype: "a URI or a relative reference (such as #uuid or ./file.json)",
  EmailAddressDatatype: "an email address",
  Base64Datatype: "base64-encoded data",
  IntegerDatatype: "a whole number",
  NonNegativeIntegerDatatype: "a whole number of 0 or more",
  PositiveIntegerDatatype: "a whole number greater than 0",
  BooleanDatatype: "true or false",
};

const TYPES: Record<string, string> = { string: "a text", object: "an object", array: "a list", integer: "a whole number", number: "a number", boolean: "true or false" };

/** `/catalog/groups/0/id` as `catalog.groups[0].id` (the document itself is `the document`). */
export function jsonPath(pointer: string): string {
  if (!pointer) return "the document";
  return pointer.split("/").slice(1)
    .map((seg) => seg.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), "");
}

const shown = (v: unknown) => {
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

const FORMATS: Record<string, string> = {
  "date-time": DATATYPES.DateTimeWithTimezoneDatatype!, uri: DATATYPES.URIDatatype!, "uri-reference": DATATYPES.URIReferenceDatatype!, email: DATATYPES.EmailAddressDatatype!,
};

/** What the value should have been: the OSCAL datatype, else the format, else the field's title. */
function expected(e: ErrorObject): string {
  const name = /definitions\/(\w+Datatype)\//.exec(e.schemaPath)?.[1];
  if (name) return DATATYPES[name] ?? name.replace(/Datatype$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const parent = (e.parentSchema ?? {}) as { format?: string; title?: string };
  if (parent.format && FORMATS[parent.format]) return FORMATS[parent.format]!;
  return parent.title ? `a valid ${parent.title.toLowerCase()}` : "in the expected format";
}

function what(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required": return `the required field "${String(p.missingProperty)}" is missing`;
    case "additionalProperties": return `the field "${String(p.additionalProperty)}" is not allowed here`;
    case "type": return `must be ${TYPES[String(p.type)] ?? String(p.type)}, not ${Array.isArray(e.data) ? "a list" : e.data === null ? "null" : TYPES[typeof e.data] ?? typeof e.data}`;
    case "pattern":
    case "format": return `${shown(e.data)} is not ${expected(e)}`;
    case "enum": return `${shown(e.data)} is not one of ${(p.allowedValues as unknown[]).map(shown).join(", ")}`;
    case "minItems": return `must list at least ${String(p.limit)} item${p.limit === 1 ? "" : "s"}`;
    case "maxItems": return `must list at most ${String(p.limit)} item${p.limit === 1 ? "" : "s"}`;
    case "minLength": return "must not be empty";
    case "anyOf":
    case "oneOf": return "does not match any of the forms OSCAL allows here";
    default: return e.message ?? "is not valid";
  }
}

/**
 * One line per problem, "path: what is wrong", deepest path first: under an anyOf/oneOf the
 * branch that got furthest is the one the author meant, and the anyOf/oneOf line itself is
 * kept only when nothing more specific was reported.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], limit = 10): string[] {
  const specific = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf");
  const pool = specific.length ? specific : [...errors];
  const deepest = [...pool].sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length);
  const lines = deepest.map((e) => `${jsonPath(e.instancePath)}: ${what(e)}`);
  return [...new Set(lines)].slice(0, limit);
}
