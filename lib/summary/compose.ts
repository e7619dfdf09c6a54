import { adaptyDate, deriveAccessStatus, grantsAccess, sortByStatus, type AccessStatus } from "@/lib/access/status";
import type { AccessLevel, Profile } from "@/lib/adapty/types";
import { languageOf } from "@/lib/i18n/language-of";
import type { Locale } from "@/lib/i18n/locales";
import type { LastChange } from "./last-change";

// The reply summary: what the customer's access is, in the customer's words, as one short
// paragraph an agent pastes into a ticket reply. Pure: the catalogue, language and zone
// come in, so the same text is unit-tested with the real catalogues and served by the action.

/** The sentences of the `ReplySummary.text` namespace (checked against the catalogue where `t` is made). */
export type SummaryKey =
  | "text.noAccess"
  | "text.active"
  | "text.renews"
  | "text.renewalCancelled"
  | "text.revokeScheduled"
  | "text.lifetime"
  | "text.scheduled"
  | "text.scheduledLifetime"
  | "text.gracePeriod"
  | "text.billingIssue"
  | "text.billingIssueEnded"
  | "text.expired"
  | "text.lastGrant"
  | "text.lastGrantLifetime"
  | "text.lastRevoke"
  | "text.lastRevokeLater";

/** A translator of the `ReplySummary` namespace: next-intl's `createTranslator` or `getTranslations`. */
export type SummaryTranslator = (key: SummaryKey, values: Record<string, string>) => string;

export interface SummaryContext {
  t: SummaryTranslator;
  /** The formatting locale of the reply's language ("en-GB", "ja"). */
  locale: string;
  /** The agent's time zone: the days are the ones the agent sees on the profile. */
  timeZone: string;
  now: number;
}

/**
 * A date only, in the language's long form ("6 January 2027", "2027年1月6日"): a customer
 * reads a day, and a time of day in the agent's zone would mislead one elsewhere.
 */
export function summaryDate(date: Date, { locale, timeZone }: Pick<SummaryContext, "locale" | "timeZone">): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date);
}

/** Which sentence says a level's status to the customer. */
function statusKey(status: AccessStatus, level: AccessLevel, now: number, hasEnd: boolean): SummaryKey {
  switch (status) {
    case "scheduled":
      return hasEnd ? "text.scheduled" : "text.scheduledLifetime";
    case "lifetime":
      return "text.lifetime";
    case "renewal_cancelled":
      return "text.renewalCancelled";
    case "revoke_scheduled":
      return "text.revokeScheduled";
    case "grace_period":
      return "text.gracePeriod";
    case "billing_issue":
      return grantsAccess(status, level, now) ? "text.billingIssue" : "text.billingIssueEnded";
    case "expired":
      return "text.expired";
    case "active":
      // A store subscription that was not cancelled renews; access granted by hand simply ends.
      return level.store && level.store !== "adapty" ? "text.renews" : "text.active";
  }
}

function levelSentence(level: AccessLevel, context: SummaryContext): string {
  const status = deriveAccessStatus(level, context.now);
  const end = adaptyDate(level.expires_at);
  const start = adaptyDate(level.starts_at);
  const key = statusKey(status, level, context.now, end !== null);
  return context.t(key, {
    level: level.access_level_id ?? "",
    end: end ? summaryDate(end, context) : "",
    start: start ? summaryDate(start, context) : "",
  });
}

function lastChangeSentence(change: LastChange, context: SummaryContext): string {
  const values = {
    date: summaryDate(change.at, context),
    level: change.accessLevelId,
    end: change.endsAt ? summaryDate(change.endsAt, context) : "",
  };
  if (change.kind === "granted") return context.t(change.endsAt ? "text.lastGrant" : "text.lastGrantLifetime", values);
  // A revoke at a later time is told as the end it arranged; one taking effect at once as done.
  const later = change.endsAt !== null && change.endsAt.getTime() > change.at.getTime();
  return context.t(later ? "text.lastRevokeLater" : "text.lastRevoke", values);
}

/** The paragraph: each access level (current first, as on the profile), then the last change if asked for. */
export function composeSummary(
  profile: Pick<Profile, "access_levels">,
  lastChange: LastChange | null,
  context: SummaryContext,
): string {
  const levels = sortByStatus(profile.access_levels, context.now);
  const sentences =
    levels.length === 0 ? [context.t("text.noAccess", {})] : levels.map((level) => levelSentence(level, context));
  if (lastChange) sentences.push(lastChangeSentence(lastChange, context));
  // Chinese and Japanese sentences end in "。" and run on without a space.
  return sentences.join(/^(zh|ja)\b/.test(context.locale) ? "" : " ");
}

/**
 * The locale the reply's dates are written in: the console's own formatting locale when the
 * reply is in the console's language (an en-GB agent writes "6 January 2027"), else the language's.
 */
export function replyLocale(language: Locale, consoleLocale: string): string {
  return languageOf(consoleLocale) === language ? consoleLocale : language;
}
