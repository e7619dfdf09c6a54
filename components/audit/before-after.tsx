import { useTranslations } from "next-intl";
import { ZonedTime } from "@/components/ui/zoned-time";
import type { Difference, Shown } from "@/lib/audit/difference";

/** One recorded value, in words. */
export function ShownValue({ shown }: { shown: Shown }) {
  const t = useTranslations("Audit");
  const staff = useTranslations("Staff");
  switch (shown.kind) {
    case "none":
      return <span className="text-slate-400">{t("none")}</span>;
    case "time":
      return <ZonedTime date={shown.value} />;
    case "lifetime":
      return <>{t("lifetime")}</>;
    case "yesNo":
      return <>{shown.value ? t("yes") : t("no")}</>;
    case "role":
      return <>{staff("roleName", { role: shown.value })}</>;
    case "text":
      return <span className="font-mono [overflow-wrap:anywhere]">{shown.value}</span>;
  }
}

/** Before → after, field by field; what changed in bold, what stayed shown once. */
export function BeforeAfter({ difference }: { difference: Difference }) {
  const t = useTranslations("Audit");
  return (
    <table
      aria-label={t(difference.kind === "access" ? "accessDifference" : "staffDifference")}
      className="w-full max-w-2xl text-left text-xs"
    >
      <tbody className="divide-y divide-slate-100">
        {difference.rows.map((row) => (
          <tr key={row.field} className={row.changed ? "font-semibold text-slate-900" : "text-slate-600"}>
            <th scope="row" className="w-36 py-1 pr-3 align-top font-medium text-slate-500">
              {t("field", { field: row.field })}
            </th>
            <td className="py-1">
              {row.changed ? (
                <>
                  <ShownValue shown={row.before} /> → <ShownValue shown={row.after} />
                </>
              ) : (
                <ShownValue shown={row.after} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
