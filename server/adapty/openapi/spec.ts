import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import type { components } from "@/lib/adapty/openapi-schema";

// Adapty's own OpenAPI file is the one source of truth for the API's shapes: types are
// generated from it (schema.d.ts, `npm run adapty:types`) and responses and requests
// are validated at run time against the same file, so the two cannot drift apart.
const SPEC_FILE = path.join(process.cwd(), "server", "adapty", "openapi", "adapty-api.yaml");

export type Schemas = components["schemas"];
export type SchemaName = keyof Schemas;

export interface SchemaIssue {
  /** Dotted path of the offending value, such as `custom_attributes.3.key`; "" for the whole body. */
  path: string;
  message: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

let spec: JsonObject | undefined;
const SCHEMA_ID = "adapty-api";

export function getSpec(): JsonObject {
  spec ??= parse(readFileSync(SPEC_FILE, "utf8")) as JsonObject;
  return spec;
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The file is OpenAPI 3.1 but writes nullability the 3.0 way (`nullable: true`), which
 * JSON Schema does not know. Rewrite it into JSON Schema, with references pointing into
 * one registered schema so that any fragment of the file compiles on its own.
 */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const { nullable, ...rest } = node;
  const converted: JsonObject = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === "example") continue; // not a JSON Schema keyword
    converted[key] =
      key === "$ref" && typeof value === "string"
        ? value.replace("#/components/schemas/", `${SCHEMA_ID}#/$defs/`)
        : toJsonSchema(value);
  }
  if (nullable !== true) return converted;
  if (typeof converted.type === "string") {
    converted.type = [converted.type, "null"];
    if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
    return converted;
  }
  return { anyOf: [converted, { type: "null" }] };
}

// ISO 8601 as Adapty writes it: `Z`, `+00:00` or `+0000`, with or without fractions.
const ADAPTY_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/i;

export function isAdaptyDateTime(value: string): boolean {
  return ADAPTY_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")));
}

let ajv: Ajv2020 | undefined;

function getAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat("date-time", { type: "string", validate: isAdaptyDateTime });
    const schemas = (getSpec().components as JsonObject).schemas as JsonObject;
    ajv.addSchema({ $id: SCHEMA_ID, $defs: toJsonSchema(schemas) });
  }
  return ajv;
}

const compiled = new Map<string, ValidateFunction>();

/** Compiles any schema fragment of the file, such as an operation's response schema. */
export function compileSchema(schema: Json): ValidateFunction {
  return getAjv().compile(toJsonSchema(schema) as object);
}

function validatorFor(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = getAjv().getSchema(`${SCHEMA_ID}#/$defs/${name}`);
    if (!validate) throw new Error(`Adapty's OpenAPI file has no schema named ${name}`);
    compiled.set(name, validate);
  }
  return validate;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

/** Checks a value against one of the file's component schemas. */
export function validateAgainst<N extends SchemaName>(name: N, value: unknown): Validation<Schemas[N]> {
  const validate = validatorFor(name);
  if (validate(value)) return { ok: true, value: value as Schemas[N] };
  return { ok: false, issues: describeIssues(validate) };
}

export function describeIssues(validate: ValidateFunction): SchemaIssue[] {
  return (validate.errors ?? []).map((error) => {
    const missing =
      error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty : undefined;
    const pointer = error.instancePath.split("/").slice(1).join(".");
    const path = missing ? [pointer, missing].filter(Boolean).join(".") : pointer;
    return { path, message: missing ? "This field is required." : (error.message ?? "is invalid") };
  });
}
