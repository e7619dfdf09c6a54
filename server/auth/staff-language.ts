import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, isLocale, type Locale } from "@/lib/i18n/locales";
import { getDb } from "@/server/db";
import { staff } from "@/server/db/schema";

/**
 * Keeps a member's chosen language on their staff row. A preference, not a change an admin
 * makes to staff: `updated_at` (what staff changes and their audit rows are about) stays.
 */
export async function storeStaffLanguage(id: string, language: Locale): Promise<void> {
  const db = await getDb();
  await db.update(staff).set({ language }).where(eq(staff.id, id));
}

/**
 * At sign-in, this browser takes the member's kept language; a member who never chose one
 * keeps what they picked on the sign-in page, if anything, and it is kept for them from now.
 */
export async function applyStaffLanguageAtSignIn(member: { id: string; language: string | null }): Promise<void> {
  if (isLocale(member.language ?? undefined)) return setLanguageCookie(member.language as Locale);
  const picked = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(picked)) await storeStaffLanguage(member.id, picked);
}

/** The cookie lib/i18n/request.ts reads: set on the answer, so the next render is in that language. */
export async function setLanguageCookie(language: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, language, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
  });
}
