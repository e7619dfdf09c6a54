import { useNow, useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { adaptyDate } from "@/lib/access/status";
import type { Subscription } from "@/lib/adapty/types";
import { Section, SectionTable, td } from "./section";

/** Whether the subscription renews, as of now: one whose expiry has passed never reads "Renews". */
function useRenewal() {
  const t = useTranslations("Profile");
  const now = useNow({ updateInterval: 60_000 }).getTime();
  return (subscription: Subscription) => {
    const expires = adaptyDate(subscription.expires_at);
    if (expires && expires.getTime() <= now) return subscription.is_in_grace_period ? t("gracePeriod") : t("ended");
    return subscription.renewal_cancelled_at ? t("willNotRenew") : t("renews");
  };
}

export function SubscriptionsSection({ subscriptions }: { subscriptions: Subscription[] }) {
  const t = useTranslations("Profile");
  const renewal = useRenewal();
  return (
    <Section
      id="subscriptions"
      title={t("subscriptionsTitle")}
      empty={subscriptions.length === 0 ? t("subscriptionsEmpty") : undefined}
    >
      <SectionTable
        headers={[t("product"), t("store"), t("environment"), t("purchased"), t("expires"), t("renewal"), t("offer")]}
      >
        {subscriptions.map((subscription) => {
          const purchased = adaptyDate(subscription.purchased_at);
          const expires = adaptyDate(subscription.expires_at);
          return (
            <tr key={subscription.store_transaction_id ?? subscription.store_product_id}>
              <td className={`${td} font-mono text-xs`}>{subscription.store_product_id}</td>
              <td className={td}>{subscription.store}</td>
              <td className={td}>{subscription.environment}</td>
              <td className={td}>{purchased ? <LocalTime date={purchased} /> : null}</td>
              <td className={td}>{expires ? <LocalTime date={expires} relative /> : t("never")}</td>
              <td className={td}>{renewal(subscription)}</td>
              <td className={`${td} text-xs`}>
                {subscription.offer
                  ? t("offerValue", { category: subscription.offer.category, type: subscription.offer.type })
                  : "—"}
              </td>
            </tr>
          );
        })}
      </SectionTable>
    </Section>
  );
}
