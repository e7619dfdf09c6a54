import "server-only";
import { randomBytes } from "node:crypto";

export interface ErrorEntry {
  source: string | null;
  errors: string[];
}

/** Every answer carries a Request-Id, as Adapty's do. */
function baseHeaders(): Record<string, string> {
  return { "Request-Id": randomBytes(16).toString("hex") };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...baseHeaders(), ...headers } });
}

export function empty(status: number): Response {
  return new Response(null, { status, headers: baseHeaders() });
}

/** Adapty's error body for profile and purchase operations (the object form). */
export function adaptyError(
  status: number,
  errorCode: string,
  errors: ErrorEntry[],
  headers?: Record<string, string>,
): Response {
  return json(status, { errors, error_code: errorCode, status_code: status }, headers);
}

export const notAuthenticated = (message: string) =>
  adaptyError(401, "not_authenticated", [{ source: "non_field_errors", errors: [message] }]);

export const profileNotFound = () =>
  adaptyError(404, "profile_does_not_exist", [{ source: null, errors: ["Profile not found"] }]);

export const validationError = (errors: ErrorEntry[]) => adaptyError(400, "validation_error", errors);
