import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { TimelineEvent } from "@/lib/timeline/entries";
import { describeEvent, type EventDescription } from "@/lib/timeline/describe-event";
import { formatPrice } from "@/lib/timeline/price";
import { byProfilePath } from "@/lib/profiles/user-ids";
import { EnvironmentLabel } from "./environment-label";

const DAY = { year: "numeric", month: "short", day: "numeric" } as const;

/** The event's sentence: what happened, then its facts (price, store, until when) joined by " · ". */
function useSentence(event: EventDescription): string {
  const t = useTranslations("Timeline");
  const format = useFormatter();
  const locale = useLocale();
  const product = event.product ?? t("unknownProduct");
  const level = event.accessLevel ?? t("unknownLevel");
  const headline =
    event.type === "unknown"
      ? t("events.unknown", { type: event.sentType })
      : event.type === "access_level_updated"
        ? t("events.access_level_updated", {
            level,
            active: event.active === null ? "other" : event.active ? "yes" : "no",
          })
        : t(`events.${event.type}`, { product });
  const reason = event.reason
    ? t("reason", { reason: "known" in event.reason ? t(`reasons.${event.reason.known}`) : event.reason.custom })
    : null;
  const namesProduct = ["billing_issue_detected", "subscription_refunded", "non_subscription_purchase_refunded"];
  const facts = [
    namesProduct.includes(event.type) ? event.product : null,
    event.price ? formatPrice(locale, event.price.amount, event.price.currency) : null,
    event.store ? ("known" in event.store ? t(`stores.${event.store.known}`) : event.store.custom) : null,
    event.until ? t("until", { date: format.dateTime(event.until, DAY) }) : null,
  ].filter((fact): fact is string => fact !== null);
  return [reason ? `${headline} — ${reason}` : headline, ...facts].join(" · ");
}

/** One of Adapty's events: its sentence, when it arrived, and, opened, the whole payload. */
export function EventEntry({ entry, profileId }: { entry: TimelineEvent; profileId: string }) {
  const t = useTranslations("Timeline");
  const event = describeEvent(entry.eventType, entry.payload, profileId);
  const sentence = useSentence(event);
  return (
    <li className="py-2 text-sm" data-timeline-entry="adapty" data-event-type={entry.eventType}>
      <details className="group">
        <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 rounded focus-visible:outline-2 focus-visible:outline-sky-700">
          <span className="min-w-0 break-words font-medium" data-sentence>
            {sentence}
            {event.environment ? " · " : null}
            {event.environment ? <EnvironmentLabel environment={event.environment} /> : null}
          </span>
          <span className="text-xs text-slate-600">
            <LocalTime date={entry.at} relative />
          </span>
        </summary>
        <p className="mt-2 text-xs font-medium text-slate-600">{t("payload")}</p>
        <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs">
          {JSON.stringify(entry.payload, null, 2)}
        </pre>
      </details>
      {event.sharedWith.length > 0 ? (
        <p className="mt-1 flex flex-wrap gap-x-2 text-slate-700">
          <span>{t("sharesWith", { level: event.accessLevel ?? t("unknownLevel") })}</span>
          {event.sharedWith.map((other) => (
            <Link
              key={other.profileId}
              className="break-all text-sky-800 underline"
              href={byProfilePath(other.profileId)}
            >
              {other.label}
            </Link>
          ))}
        </p>
      ) : null}
    </li>
  );
}
