import { z } from "zod";
import type { AdaptyFailure } from "@/lib/change/outcome";
import { LOCALES } from "@/lib/i18n/locales";

/** What the agent asks the summary for: a language of the four (anything else is refused) and whether to tell the last change. */
export const replySummarySchema = z.object({
  profileId: z.uuid(),
  locale: z.enum(LOCALES),
  includeLastChange: z.boolean(),
});

export type ReplySummaryInput = z.infer<typeof replySummarySchema>;

/** The summary's text, or why Adapty could not be read. */
export type ReplySummary = { text: string } | { failure: AdaptyFailure };
