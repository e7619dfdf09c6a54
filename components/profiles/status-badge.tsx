import { useTranslations } from "next-intl";
import type { AccessStatus } from "@/lib/access/status";

const TONE: Record<AccessStatus, string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  lifetime: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  renewal_cancelled: "bg-amber-50 text-amber-900 ring-amber-200",
  revoke_scheduled: "bg-amber-50 text-amber-900 ring-amber-200",
  grace_period: "bg-amber-50 text-amber-900 ring-amber-200",
  billing_issue: "bg-rose-50 text-rose-800 ring-rose-200",
  scheduled: "bg-sky-50 text-sky-800 ring-sky-200",
  expired: "bg-slate-100 text-slate-600 ring-slate-200",
};

export function StatusBadge({ status }: { status: AccessStatus }) {
  const t = useTranslations("Profile");
  return (
    <span
      data-status={status}
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status]}`}
    >
      {t("statusName", { status })}
    </span>
  );
}
