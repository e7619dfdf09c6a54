import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/config";
import { currentStaff } from "@/server/auth/require-staff";

// next-auth's own endpoints (sign-in callback, sign-out, session, CSRF). Each one
// authenticates by itself; none exposes console data.

/** next-auth's action, as it parses the path: empty segments ("/session/") do not count. */
const isSessionEndpoint = (request: NextRequest) =>
  request.nextUrl.pathname.split("/").filter(Boolean)[2] === "session";

/**
 * next-auth's session endpoint (GET reads, POST refreshes) judges the cookie alone; a
 * session ended by signing out, or a disabled account, is over only in the staff table.
 */
function guarded(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    if (isSessionEndpoint(request) && !(await currentStaff())) return Response.json(null);
    return handler(request);
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
