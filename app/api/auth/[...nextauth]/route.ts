import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/config";
import { currentStaff } from "@/server/auth/require-staff";

// next-auth's own endpoints (sign-in callback, sign-out, session, CSRF). Each one
// authenticates by itself; none exposes console data.
export const { POST } = handlers;

export async function GET(request: NextRequest): Promise<Response> {
  // next-auth's session endpoint judges the cookie alone; a session ended by signing out
  // (or a disabled account) is over only in the staff table, so ask it first.
  if (request.nextUrl.pathname.endsWith("/session") && !(await currentStaff())) return Response.json(null);
  return handlers.GET(request);
}
