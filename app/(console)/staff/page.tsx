import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { AddStaffForm } from "@/components/staff/add-staff-form";
import { StaffRowActions } from "@/components/staff/staff-row-actions";
import { ZonedTime } from "@/components/ui/zoned-time";
import { requireStaffPage } from "@/server/auth/require-staff";
import { addStaffAction } from "@/server/staff/add-staff";
import { changeRoleAction } from "@/server/staff/change-role";
import { listStaffWithLastSignIn } from "@/server/staff/list-staff";
import { resetPasswordAction } from "@/server/staff/reset-password";
import { setEnabledAction } from "@/server/staff/set-enabled";
import { ClientMessages } from "@/components/shell/client-messages";

/** A cell; on a narrow screen each member is a card, each value after its label (data-label, not in the text). */
// `break-keep`: a role or status in Chinese or Japanese ("有効") is not split into single characters.
const cell = "block break-keep px-5 py-1 md:table-cell md:py-3";
const labelled = `${cell} before:mr-2 before:text-xs before:text-slate-500 before:content-[attr(data-label)] md:before:content-none`;

const rowActions = { changeRole: changeRoleAction, setEnabled: setEnabledAction, resetPassword: resetPasswordAction };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff");
  return { title: t("title") };
}

export default async function StaffPage() {
  const admin = await requireStaffPage("staff.manage");
  const t = await getTranslations("Staff");
  const members = await listStaffWithLastSignIn();
  return (
    <ClientMessages part="staff">
      <div className="space-y-8">
        <PageHeader title={t("title")} intro={t("intro")} />
        <section aria-labelledby="add-staff" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="add-staff" className="mb-4 text-base font-semibold">
            {t("addTitle")}
          </h2>
          <AddStaffForm action={addStaffAction} />
        </section>
        <section aria-labelledby="staff-list" className="rounded-lg border border-slate-200 bg-white">
          <h2 id="staff-list" className="px-5 pt-5 text-base font-semibold">
            {t("listTitle")}
          </h2>
          <table className="mt-3 block w-full text-left text-sm md:table">
            <thead className="hidden break-keep border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 md:table-header-group">
              <tr>
                <th className="px-5 py-2 font-medium">{t("email")}</th>
                <th className="px-5 py-2 font-medium">{t("role")}</th>
                <th className="px-5 py-2 font-medium">{t("status")}</th>
                <th className="px-5 py-2 font-medium">{t("lastSignedIn")}</th>
                <th className="px-5 py-2 font-medium">{t("actions")}</th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-100 md:table-row-group">
              {members.map((member) => (
                <tr
                  key={member.id}
                  data-staff-email={member.email}
                  className="block py-2 align-top md:table-row md:py-0"
                >
                  <td className={cell}>
                    <span className="font-medium [overflow-wrap:anywhere]">{member.email}</span>
                    {member.id === admin.id ? <span className="ml-2 text-xs text-slate-500">({t("you")})</span> : null}
                    {member.passwordHash === null ? (
                      <div className="text-xs text-slate-500">{t("noPassword")}</div>
                    ) : null}
                  </td>
                  <td className={labelled} data-label={t("role")}>
                    {t("roleName", { role: member.role })}
                  </td>
                  <td className={labelled} data-label={t("status")}>
                    <span className={member.enabled ? "text-emerald-700" : "text-rose-700"}>
                      {member.enabled ? t("enabled") : t("disabled")}
                    </span>
                  </td>
                  <td className={labelled} data-label={t("lastSignedIn")} data-column="last-signed-in">
                    {member.lastSignedInAt ? (
                      <ZonedTime date={member.lastSignedInAt} />
                    ) : (
                      <span className="text-slate-500">{t("neverSignedIn")}</span>
                    )}
                  </td>
                  <td className={cell}>
                    {member.id === admin.id ? null : (
                      <StaffRowActions
                        staffId={member.id}
                        email={member.email}
                        role={member.role}
                        enabled={member.enabled}
                        actions={rowActions}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </ClientMessages>
  );
}
