"use client";

import { useNow, useTranslations } from "next-intl";
import { ZonedTime } from "@/components/ui/zoned-time";
import { adaptyDate } from "@/lib/access/status";
import type { DifferenceRow, Shown } from "@/lib/audit/difference";

const record = (value: unknown) =>
  typeof value === "object" && value !== null ? (value as { starts_at?: unknown; expires_at?: unknown }) : null;
const dateOf = (value: unknown) => (typeof value === "string" ? adaptyDate(value) : null);

/** A level in words, as the audit says before → after: none, lifetime, or until a time (and from when, if later). */
export function LevelInWords({ level, accessLevelId }: { level: unknown; accessLevelId: string }) {
  const t = useTranslations("Undo");
  const now = useNow();
  const found = record(level);
  if (!found) return <>{t("levelNone", { level: accessLevelId })}</>;
  const expires = dateOf(found.expires_at);
  const starts = dateOf(found.starts_at);
  const later = starts && starts.getTime() > now.getTime() ? starts : null;
  return (
    <>
      {expires
        ? t.rich("levelUntil", { level: accessLevelId, time: () => <ZonedTime date={expires} /> })
        : t("levelLifetime", { level: accessLevelId })}
      {later ? <> {t.rich("levelFrom", { time: () => <ZonedTime date={later} /> })}</> : null}
    </>
  );
}

function ShownInWords({ shown }: { shown: Shown }) {
  const t = useTranslations("Undo");
  if (shown.kind === "time") return <ZonedTime date={shown.value} />;
  if (shown.kind === "lifetime") return <>{t("lifetime")}</>;
  if (shown.kind === "yesNo") return <>{shown.value ? t("yes") : t("no")}</>;
  if (shown.kind === "text") return <span className="font-mono">{shown.value}</span>;
  return <>{t("nothing")}</>;
}

/** What differs now from what the undone change left: one sentence per field. */
export function ChangesSince({ changes }: { changes: DifferenceRow[] }) {
  const t = useTranslations("Undo");
  return (
    <ul className="list-disc space-y-1 pl-5">
      {changes.map((row) => (
        <li key={row.field}>
          {t.rich(row.field === "expires" ? "expiryMoved" : "fieldChanged", {
            field: t("field", { field: row.field }),
            from: () => <ShownInWords shown={row.before} />,
            to: () => <ShownInWords shown={row.after} />,
          })}
        </li>
      ))}
    </ul>
  );
}
