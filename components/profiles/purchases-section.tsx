import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { parseAdaptyDate } from "@/lib/access/status";
import type { NonSubscription } from "@/lib/adapty/types";
import { Section, SectionTable, td } from "./section";

export function PurchasesSection({ purchases }: { purchases: NonSubscription[] }) {
  const t = useTranslations("Profile");
  return (
    <Section
      id="purchases"
      title={t("purchasesTitle")}
      empty={purchases.length === 0 ? t("purchasesEmpty") : undefined}
    >
      <SectionTable headers={[t("product"), t("store"), t("environment"), t("purchased"), t("kind")]}>
        {purchases.map((purchase) => {
          const purchased = parseAdaptyDate(purchase.purchased_at);
          return (
            <tr key={purchase.purchase_id ?? purchase.store_transaction_id} data-purchase={purchase.store_product_id}>
              <td className={`${td} font-mono text-xs`}>{purchase.store_product_id}</td>
              <td className={td}>{purchase.store}</td>
              <td className={td}>{purchase.environment}</td>
              <td className={td}>{purchased !== null ? <LocalTime date={new Date(purchased)} /> : null}</td>
              <td className={td}>
                {purchase.is_consumable ? t("consumable") : t("nonConsumable")}
                {purchase.is_refund ? (
                  <span className="ml-2 rounded-full bg-rose-50 px-2 py-0.5 text-xs font-medium text-rose-800 ring-1 ring-inset ring-rose-200">
                    {t("refunded")}
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </SectionTable>
    </Section>
  );
}
