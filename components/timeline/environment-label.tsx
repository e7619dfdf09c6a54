import { useTranslations } from "next-intl";
import type { Environment } from "@/lib/timeline/filters";

const TONE: Record<Environment, string> = {
  Production: "bg-slate-100 text-slate-800",
  Sandbox: "bg-amber-100 text-amber-900 ring-1 ring-amber-300",
};

/** Production or Sandbox, so a test purchase is never read as a real one. */
export function EnvironmentLabel({ environment }: { environment: Environment }) {
  const t = useTranslations("Timeline");
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ${TONE[environment]}`}
      data-environment={environment}
    >
      {t(`environments.${environment}`)}
    </span>
  );
}
