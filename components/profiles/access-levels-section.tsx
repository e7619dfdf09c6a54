import { useTranslations } from "next-intl";
import { useMoment } from "@/components/ui/use-moment";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { adaptyDate, deriveAccessStatus, grantsAccess, sortByStatus, type AccessStatus } from "@/lib/access/status";
import type { AccessLevel } from "@/lib/adapty/types";
import { Section, SectionTable, td } from "./section";
import { StatusBadge } from "./status-badge";

/** A time with its zone and UTC keeps its lines whole; below 640 px rows stack instead (globals.css). */
const timeColumn = "sm:min-w-40";

/** Each access level with its derived status, current access first; every time in the agent's zone. */
export function AccessLevelsSection({
  levels,
  now,
  action,
  rowAction,
}: {
  levels: AccessLevel[];
  now: number;
  /** The grant button, for staff allowed to grant. */
  action?: ReactNode;
  /** The revoke button of a row whose access is current or to come, for staff allowed to revoke. */
  rowAction?: (level: AccessLevel) => ReactNode;
}) {
  const t = useTranslations("Profile");
  return (
    <Section
      id="access-levels"
      title={t("accessTitle")}
      action={action}
      empty={levels.length === 0 ? t("accessEmpty") : undefined}
    >
      <SectionTable
        headers={[
          t("accessLevel"),
          t("status"),
          t("starts"),
          t("expires"),
          t("source"),
          t("notes"),
          ...(rowAction ? [""] : []),
        ]}
      >
        {sortByStatus(levels, now).map((level) => {
          const expires = adaptyDate(level.expires_at);
          const status = deriveAccessStatus(level, now);
          const revocable = status === "scheduled" || grantsAccess(status, level, now);
          return (
            <tr
              key={`${level.access_level_id}-${level.store_transaction_id ?? ""}`}
              data-access-level={level.access_level_id}
            >
              <td className={`${td} font-medium`}>{level.access_level_id}</td>
              <td className={td}>
                <StatusBadge status={status} />
              </td>
              <td className={`${td} ${timeColumn}`}>
                <Starts level={level} />
              </td>
              <td className={`${td} ${timeColumn}`}>
                {expires ? <LocalTime date={expires} relative /> : <span className="text-slate-500">{t("never")}</span>}
              </td>
              <td className={`${td} text-xs text-slate-600`}>
                {level.store === "adapty"
                  ? t("grantedByConsole")
                  : `${level.store ?? ""} · ${level.store_product_id ?? ""}`}
              </td>
              <td className={`${td} text-xs text-slate-600`}>
                <Notes level={level} status={status} />
              </td>
              {rowAction ? <td className={`${td} text-right`}>{revocable ? rowAction(level) : null}</td> : null}
            </tr>
          );
        })}
      </SectionTable>
    </Section>
  );
}

/** When access starts: a set start, when a hand grant was made, or from the store purchase. */
function Starts({ level }: { level: AccessLevel }) {
  const t = useTranslations("Profile");
  const starts = adaptyDate(level.starts_at);
  const granted = level.store === "adapty" ? adaptyDate(level.purchased_at) : null;
  if (starts) return <LocalTime date={starts} relative />;
  if (granted)
    return (
      <>
        {t("grantedAt")} <LocalTime date={granted} relative />
      </>
    );
  return <span className="text-slate-500">{t("immediately")}</span>;
}

/**
 * What else the level says. A revoke through the API marks the level cancelled with
 * Adapty's reason `adapty_revoked`: that reads as the end of access it is, not as a
 * cancelled renewal.
 */
function Notes({ level, status }: { level: AccessLevel; status: AccessStatus }) {
  const t = useTranslations("Profile");
  const moment = useMoment();
  const expires = adaptyDate(level.expires_at);
  const cancelled = adaptyDate(level.renewal_cancelled_at);
  const billing = adaptyDate(level.billing_issue_detected_at);
  const revoked = level.cancellation_reason === "adapty_revoked" && expires !== null;
  return (
    <>
      {revoked ? (
        <div>
          {t(status === "revoke_scheduled" ? "revokeScheduledNote" : "revokedNote", {
            time: moment(expires, { withZone: true }),
          })}
        </div>
      ) : null}
      {cancelled && !revoked ? (
        <div>
          {t("renewalCancelledAt")} <LocalTime date={cancelled} />
        </div>
      ) : null}
      {billing ? (
        <div>
          {t("billingIssueAt")} <LocalTime date={billing} />
        </div>
      ) : null}
      {level.cancellation_reason && !revoked ? (
        <div>{t("cancellationReason", { reason: level.cancellation_reason })}</div>
      ) : null}
    </>
  );
}
