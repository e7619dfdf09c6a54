import type { ReactNode } from "react";

const TONES = {
  error: "border-rose-300 bg-rose-50 text-rose-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  info: "border-slate-300 bg-slate-50 text-slate-800",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
} as const;

/** A one-line outcome next to the thing it is about: errors are alerts, the rest status. */
export function Notice({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-md border p-3 text-sm ${TONES[tone]}`}>
      {children}
    </p>
  );
}
