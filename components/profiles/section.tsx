import type { ReactNode } from "react";

/** A titled card on the profile page; `empty` shows when there is nothing to list. */
export function Section({ id, title, empty, children }: { id: string; title: string; empty?: string; children?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white">
      <h2 id={id} className="px-5 pt-4 text-base font-semibold">
        {title}
      </h2>
      {empty ? <p className="px-5 pb-5 pt-2 text-sm text-slate-500">{empty}</p> : <div className="overflow-x-auto pb-2 pt-2">{children}</div>}
    </section>
  );
}

export const th = "px-5 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
export const td = "px-5 py-2 align-top";
