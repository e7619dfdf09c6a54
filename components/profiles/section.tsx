import type { CSSProperties, ReactNode } from "react";

/** A titled card on the profile page; `empty` shows when there is nothing to list. */
export function Section({
  id,
  title,
  empty,
  action,
  children,
}: {
  id: string;
  title: string;
  empty?: string;
  action?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-4 px-5 pt-4">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {empty ? (
        <p className="px-5 pb-5 pt-2 text-sm text-slate-500">{empty}</p>
      ) : (
        <div className="overflow-x-auto pb-2 pt-2">{children}</div>
      )}
    </section>
  );
}

export const th = "break-keep px-5 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
export const td = "px-5 py-2 align-top";

/** A section's table: one header row (an empty header for a column of buttons), then the rows. */
export function SectionTable({ headers, children }: { headers: string[]; children: ReactNode }) {
  return (
    <table className="stack-table w-full text-sm" style={stackLabels(headers)}>
      <thead className="border-b border-slate-200">
        <tr>
          {headers.map((header, index) => (
            <th key={index} className={th}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  );
}

/** The headers as CSS strings, for the labels of a stacked row on a narrow screen (globals.css). */
export function stackLabels(headers: string[]): CSSProperties {
  return Object.fromEntries(headers.map((header, index) => [`--col-${index + 1}`, JSON.stringify(header)]));
}
