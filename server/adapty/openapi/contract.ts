import "server-only";
import type { ValidateFunction } from "ajv";
import { compileSchema, describeIssues, getSpec } from "./spec";

// Contract checking for tests: every answer the sandbox gives is held against what
// Adapty's OpenAPI file declares for that operation and status.

type Node = Record<string, unknown>;

const asNode = (value: unknown): Node | undefined =>
  typeof value === "object" && value !== null ? (value as Node) : undefined;

function declaredResponse(method: string, pathname: string, status: number): Node | undefined | "undeclared-operation" {
  const operation = asNode(asNode(asNode(getSpec().paths)?.[pathname])?.[method.toLowerCase()]);
  if (!operation) return "undeclared-operation";
  return asNode(asNode(operation.responses)?.[String(status)]);
}

const compiled = new WeakMap<object, ValidateFunction>();

/** What is wrong with one answer, measured against the file; empty when it conforms. */
export function contractViolations(method: string, pathname: string, status: number, bodyText: string): string[] {
  const where = `${method} ${pathname} → ${status}`;
  const declared = declaredResponse(method, pathname, status);
  if (declared === "undeclared-operation") return [`${where}: no such operation in the OpenAPI file`];

  let body: unknown;
  if (bodyText !== "") {
    try {
      body = JSON.parse(bodyText);
    } catch {
      return [`${where}: the body is not JSON`];
    }
  }

  // Statuses the file leaves out for an operation but Adapty's prose documents (400 on
  // create, 404 on grant…) must still carry the documented error body.
  const schema = declared
    ? asNode(asNode(asNode(declared.content)?.["application/json"])?.schema)
    : status >= 400
      ? { $ref: "#/components/schemas/ErrorResponse" }
      : undefined;
  if (!declared && status < 400) return [`${where}: status not declared for this operation`];
  if (!schema)
    return body === undefined || status >= 500 ? [] : [`${where}: the file declares no body, but one was sent`];
  if (body === undefined) return [`${where}: the file declares a JSON body, but none was sent`];

  let validate = compiled.get(schema);
  if (!validate) {
    validate = compileSchema(schema as never);
    compiled.set(schema, validate);
  }
  if (validate(body)) return [];
  return describeIssues(validate).map((issue) => `${where}: ${issue.path || "body"} ${issue.message}`);
}

/** Wraps fetch so that each answer is checked against the file; violations are collected. */
export function contractCheckedFetch(inner: typeof fetch, violations: string[]): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const request = new Request(input, init);
    const text = await response.clone().text();
    violations.push(...contractViolations(request.method, new URL(request.url).pathname, response.status, text));
    return response;
  };
}
