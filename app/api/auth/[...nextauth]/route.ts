import { handlers } from "@/server/auth/config";

// next-auth's own endpoints (sign-in callback, sign-out, session, CSRF). Each one
// authenticates by itself; none exposes console data.
export const { GET, POST } = handlers;
