"use server";

import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { actionClient } from "@/server/auth/action-client";
import { setLanguageCookie, storeStaffLanguage } from "@/server/auth/staff-language";

/**
 * The language menu's choice, for the signed-in member: kept on their staff row (so it
 * follows them to another browser) and in this browser's cookie. Checked like every action:
 * signed in, enabled, and a role that may use the console at all (every role reads profiles).
 */
export const setOwnLanguageAction = actionClient
  .metadata({ permission: "profiles.read" })
  .inputSchema(z.object({ language: z.enum(LOCALES) }))
  .action(async ({ parsedInput, ctx }) => {
    await storeStaffLanguage(ctx.staff.id, parsedInput.language);
    await setLanguageCookie(parsedInput.language);
    return { language: parsedInput.language };
  });
