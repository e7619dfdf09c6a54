"use server";

import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { composeSummary, replyLocale } from "@/lib/summary/compose";
import { replySummarySchema, type ReplySummary } from "@/lib/summary/schema";
import { readProfile } from "@/server/adapty/read-profile";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { recordProfileView } from "@/server/profiles/record-view";
import { lastAccessChange } from "./last-access-change";

/**
 * The reply summary of a profile in the language the agent chose. The profile is read fresh
 * (the page may be minutes old), so a read like any other: recorded as a view. Dates are in
 * the agent's zone, from the time-zone cookie, as on the profile page.
 */
export const replySummaryAction = actionClient
  .metadata({ permission: "profiles.read" })
  .inputSchema(replySummarySchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ReplySummary> => {
    const read = await readProfile({ profileId: input.profileId });
    if ("failure" in read) return read;
    const [lastChange, t, consoleLocale, timeZone] = await Promise.all([
      input.includeLastChange ? getDb().then((db) => lastAccessChange(db, input.profileId)) : null,
      getTranslations({ locale: input.locale, namespace: "ReplySummary" }),
      getLocale(),
      getTimeZone(),
      recordProfileView(ctx.staff, read.profile),
    ]);
    const text = composeSummary(read.profile, lastChange, {
      t,
      locale: replyLocale(input.locale, consoleLocale),
      timeZone,
      now: Date.now(),
    });
    return { text };
  });
