"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { isValidUserId, lookupPath } from "@/lib/profiles/user-ids";

/** The lookup box in every console page's header; `/` focuses it from anywhere. */
export function LookupBox({ recent }: { recent: string[] }) {
  const t = useTranslations("Lookup");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    function focusOnSlash(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable=true]");
      if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    }
    window.addEventListener("keydown", focusOnSlash);
    return () => window.removeEventListener("keydown", focusOnSlash);
  }, []);

  return (
    <form
      role="search"
      className="relative w-full"
      onSubmit={(event) => {
        event.preventDefault();
        const query = input.current?.value.trim() ?? "";
        if (!isValidUserId(query)) {
          setInvalid(true);
          return;
        }
        setInvalid(false);
        router.push(lookupPath(query));
      }}
    >
      <label htmlFor="lookup" className="sr-only">
        {t("label")}
      </label>
      <input
        ref={input}
        id="lookup"
        name="q"
        list="recent-lookups"
        autoComplete="off"
        maxLength={500}
        placeholder={t("placeholder")}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? "lookup-error" : undefined}
        onChange={() => setInvalid(false)}
        className="w-full rounded-md border border-slate-300 bg-slate-50 py-1.5 pl-3 pr-8 text-sm focus:border-slate-900 focus:bg-white focus:outline-none focus:ring-1 focus:ring-slate-900 aria-[invalid=true]:border-rose-500"
      />
      <kbd
        title={t("shortcut")}
        className="pointer-events-none absolute right-2 top-1.5 rounded border border-slate-300 px-1 text-xs text-slate-500"
      >
        /
      </kbd>
      <datalist id="recent-lookups">
        {recent.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      {invalid ? (
        <p
          id="lookup-error"
          role="alert"
          className="absolute mt-1 w-full rounded bg-rose-50 p-2 text-xs text-rose-800 shadow"
        >
          {t("invalid")}
        </p>
      ) : null}
    </form>
  );
}
