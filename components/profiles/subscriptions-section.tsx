import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { adaptyDate } from "@/lib/access/status";
import type { Subscription } from "@/lib/adapty/types";
import { Section, td, th } from "./section";

export function SubscriptionsSection({ subscriptions }: { subscriptions: Subscription[] }) {
  const t = useTranslations("Profile");
  return (
    <Section
      id="subscriptions"
      title={t("subscriptionsTitle")}
      empty={subscriptions.length === 0 ? t("subscriptionsEmpty") : undefined}
    >
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200">
          <tr>
            <th className={th}>{t("product")}</th>
            <th className={th}>{t("store")}</th>
            <th className={th}>{t("environment")}</th>
            <th className={th}>{t("purchased")}</th>
            <th className={th}>{t("expires")}</th>
            <th className={th}>{t("renewal")}</th>
            <th className={th}>{t("offer")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
                <td className={td}>{subscription.renewal_cancelled_at ? t("willNotRenew") : t("renews")}</td>
                <td className={`${td} text-xs`}>
                  {subscription.offer
                    ? t("offerValue", { category: subscription.offer.category, type: subscription.offer.type })
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
