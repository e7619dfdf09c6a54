import { useTranslations } from "next-intl";
import type { CustomAttribute } from "@/lib/adapty/types";
import { Section, td, th } from "./section";

export function AttributesSection({ attributes }: { attributes: CustomAttribute[] }) {
  const t = useTranslations("Profile");
  return (
    <Section
      id="attributes"
      title={t("attributesTitle")}
      empty={attributes.length === 0 ? t("attributesEmpty") : undefined}
    >
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200">
          <tr>
            <th className={th}>{t("key")}</th>
            <th className={th}>{t("value")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {attributes.map((attribute) => (
            <tr key={attribute.key}>
              <td className={`${td} font-mono text-xs`}>{attribute.key}</td>
              <td className={`${td} break-all`}>{String(attribute.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
