import { useTranslations } from "next-intl";
import type { AuditOutcome } from "@/lib/audit/actions";

const TONE: Record<AuditOutcome, string> = {
  pending: "bg-slate-100 text-slate-700",
  succeeded: "bg-emerald-50 text-emerald-800",
  refused: "bg-orange-50 text-orange-900",
  failed: "bg-rose-50 text-rose-800",
  unknown: "bg-amber-50 text-amber-900",
};

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const t = useTranslations("Audit");
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONE[outcome]}`}>
      {t("outcomeName", { outcome })}
    </span>
  );
}
