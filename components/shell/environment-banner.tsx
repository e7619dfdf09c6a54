import { useTranslations } from "next-intl";

/** Always visible, so nobody mistakes demo data for a real customer or the reverse. */
export function EnvironmentBanner({ mode, label }: { mode: "sandbox" | "live"; label: string }) {
  const t = useTranslations("Banner");
  if (mode === "sandbox") {
    return (
      <div role="status" aria-label={t("sandbox")} className="bg-amber-400 px-4 py-1.5 text-center text-sm text-black">
        <strong className="mr-2 font-black tracking-[0.2em]">{t("sandbox")}</strong>
        <span>{t("sandboxDetail")}</span>
      </div>
    );
  }
  return (
    <div role="status" aria-label={label} className="bg-rose-700 px-4 py-1.5 text-center text-sm text-white">
      <strong className="mr-2 font-bold uppercase tracking-widest">{label}</strong>
      <span>{t("live")}</span>
    </div>
  );
}
