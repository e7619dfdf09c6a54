import "server-only";
import type { CreateUserRef, UserRef } from "@/lib/adapty/types";
import { AdaptyError } from "./errors";
import { encodeHeaderValue } from "./paths";

// Who a request is about travels in headers: bounded and free of control characters
// before anything is sent, so no input can split a header or bloat a request.
/** Longest id the console will send; Adapty documents no limit, this keeps inputs bounded. */
const MAX_ID_LENGTH = 500;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
function idHeader(name: string, value: string): Record<string, string> {
  if (value.length === 0 || value.length > MAX_ID_LENGTH || CONTROL_CHARACTERS.test(value)) {
    throw new AdaptyError(
      `The ${name} header value is empty, too long or contains control characters; nothing was sent.`,
      {
        kind: "invalid_request",
        fieldErrors: {
          [name]: [`Must be 1 to ${MAX_ID_LENGTH} characters without line breaks or control characters.`],
        },
      },
    );
  }
  return { [name]: encodeHeaderValue(value) };
}

export function userHeaders(user: UserRef | CreateUserRef): Record<string, string> {
  const headers = {
    ...(user.customerUserId !== undefined ? idHeader("adapty-customer-user-id", user.customerUserId) : {}),
    ...(user.profileId !== undefined ? idHeader("adapty-profile-id", user.profileId) : {}),
  };
  if (Object.keys(headers).length === 0) {
    throw new AdaptyError("A customer user id or a profile id is required; nothing was sent.", {
      kind: "invalid_request",
    });
  }
  return headers;
}
