"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const LINKS = {
  lookup: { href: "/profiles", exact: true },
  createProfile: { href: "/profiles/new", exact: true },
  audit: { href: "/audit", exact: false },
  bulk: { href: "/bulk", exact: false },
  approvals: { href: "/approvals", exact: false },
  staff: { href: "/staff", exact: false },
  settings: { href: "/settings", exact: false },
} as const;

export type NavKey = keyof typeof LINKS;

/** The console's sections; the layout passes only those the staff member's role allows. */
export function ConsoleNav({
  links,
  pending = 0,
}: {
  links: NavKey[];
  /** Requests waiting for an admin. */ pending?: number;
}) {
  const t = useTranslations("Nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1 lg:flex-nowrap">
        {links.map((key) => {
          const { href, exact } = LINKS[key];
          const current = exact ? pathname === href : pathname.startsWith(href);
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
              >
                {t(key)}
                {key === "approvals" && pending > 0 ? (
                  <span
                    className="ml-1.5 rounded-full bg-amber-500 px-1.5 py-0.5 text-xs font-semibold text-white"
                    data-testid="pending-approvals"
                  >
                    <span aria-hidden="true">{pending}</span>
                    <span className="sr-only">{t("pendingApprovals", { count: pending })}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
