import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { recordAnonymousRefusal, recordEvent } from "@/server/audit";
import { requestContext } from "@/server/audit/request-context";
import { auth } from "./config";
import { can, type Permission, type Role } from "./permissions";
import { CONSOLE_PATH_HEADER } from "./request-headers";
import { sessionState } from "./sessions";

export interface Staff {
  id: string;
  email: string;
  role: Role;
  displayName: string | null;
  /** The console language they chose (lib/i18n/locales.ts), null if never. */
  language: string | null;
}

const toStaff = (row: Staff & Record<string, unknown>): Staff => ({
  id: row.id,
  email: row.email,
  role: row.role,
  displayName: row.displayName,
  language: row.language,
});

export type AccessRefusal = "signed_out" | "disabled" | "forbidden";

/** Thrown when the person behind a request may not do what they asked. */
export class StaffAccessError extends Error {
  override name = "StaffAccessError";
  constructor(
    readonly refusal: AccessRefusal,
    readonly permission: Permission,
    readonly staff?: Staff,
  ) {
    super(`Access refused (${refusal}) for ${permission}`);
  }
}

/**
 * The signed-in staff member as the staff table says now — not as the session cookie
 * remembers them — so a disabled or demoted account changes on its very next request; and
 * only while the session's own row says it lives (server/auth/sessions.ts).
 * Read once per request: React's cache lasts one server render, so the layout, the page
 * and their parts share one cookie decode and one query, and the next request reads again.
 * Outside a render (a server action, a route handler) it is not cached at all.
 */
const currentStaffRow = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !session.sessionId) return { row: undefined, revoked: false };
  const state = await sessionState(session.sessionId, id);
  return { row: state.member, revoked: !state.live };
});

export async function currentStaff(): Promise<Staff | null> {
  const { row, revoked } = await currentStaffRow();
  return row?.enabled && !revoked ? toStaff(row) : null;
}

/** For server actions and route handlers: the staff member, or a StaffAccessError (recorded as auth.denied). */
export async function requireStaff(permission: Permission): Promise<Staff> {
  const { row, revoked } = await currentStaffRow();
  const staff = row ? toStaff(row) : undefined;
  const refusal: AccessRefusal | undefined = !row
    ? "signed_out"
    : !row.enabled
      ? "disabled"
      : revoked
        ? "signed_out"
        : !can(row.role, permission)
          ? "forbidden"
          : undefined;
  if (!refusal && staff) return staff;
  const event = {
    actor: staff ? { id: staff.id, email: staff.email, role: staff.role } : null,
    action: "auth.denied" as const,
    outcome: "failed" as const,
    params: { permission, path: (await headers()).get(CONSOLE_PATH_HEADER)?.slice(0, 256) ?? null },
    detail: refusal,
    context: await requestContext(),
  };
  // Without a live session anyone can send these, as fast as they like: counted, not one row each.
  await (refusal === "forbidden" ? recordEvent(event) : recordAnonymousRefusal(event));
  throw new StaffAccessError(refusal ?? "signed_out", permission, staff);
}

/** For pages: the staff member; otherwise off to sign-in (and back), or a 403 page. */
export async function requireStaffPage(permission: Permission): Promise<Staff> {
  try {
    return await requireStaff(permission);
  } catch (error) {
    if (!(error instanceof StaffAccessError)) throw error;
    if (error.refusal === "forbidden") forbidden();
    const path = (await headers()).get(CONSOLE_PATH_HEADER) ?? "/profiles";
    const reason = error.refusal === "disabled" ? "&reason=disabled" : "";
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}${reason}`);
  }
}
