import { useTranslations } from "next-intl";
import type { AuditEntry } from "@/lib/audit/entry";
import { differenceOf } from "@/lib/audit/difference";
import { byCustomerPath, byProfilePath } from "@/lib/profiles/user-ids";
import { ShownValue } from "./before-after";

const linkClass = "font-mono text-xs text-slate-900 underline decoration-slate-300 hover:decoration-slate-900";

/** The staff member a staff row is about, by email, with what changed ("Role: Viewer → Agent"). */
function StaffTarget({ row }: { row: AuditEntry }) {
  const t = useTranslations("Audit");
  const params = (row.params ?? {}) as { email?: unknown };
  const email = typeof params.email === "string" ? params.email : undefined;
  const changed = differenceOf(row.action, row.accessBefore, row.accessAfter)?.rows.filter(
    (difference) => difference.changed && difference.field !== "email",
  );
  return (
    <div className="[overflow-wrap:anywhere]">
      {email ?? <span className="text-slate-400">{t("none")}</span>}
      {changed?.map((difference) => (
        <div key={difference.field} className="text-xs text-slate-600">
          {t("field", { field: difference.field })}:{" "}
          {difference.before.kind === "none" ? null : (
            <>
              <ShownValue shown={difference.before} /> →{" "}
            </>
          )}
          <ShownValue shown={difference.after} />
        </div>
      ))}
    </div>
  );
}

/** Whom a row is about: a customer (a link to their profile) or a staff member. */
export function AuditTarget({ row }: { row: AuditEntry }) {
  const t = useTranslations("Audit");
  if (row.action.startsWith("staff.")) return <StaffTarget row={row} />;
  const shown = row.targetCustomerUserId ?? row.targetProfileId;
  if (!shown) return <span className="text-slate-400">{t("none")}</span>;
  const href = row.targetProfileId ? byProfilePath(row.targetProfileId) : byCustomerPath(shown);
  return (
    <a href={href} className={`${linkClass} [overflow-wrap:anywhere]`}>
      {shown}
    </a>
  );
}
