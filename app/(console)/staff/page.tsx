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
        <table className="mt-3 w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-2 font-medium">{t("email")}</th>
              <th className="px-5 py-2 font-medium">{t("role")}</th>
              <th className="px-5 py-2 font-medium">{t("status")}</th>
              <th className="px-5 py-2 font-medium">{t("lastSignedIn")}</th>
              <th className="px-5 py-2 font-medium">{t("actions")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => (
              <tr key={member.id} data-staff-email={member.email} className="align-top">
                <td className="px-5 py-3">
                  <span className="font-medium">{member.email}</span>
                  {member.id === admin.id ? <span className="ml-2 text-xs text-slate-500">({t("you")})</span> : null}
                  {member.passwordHash === null ? (
                    <div className="text-xs text-slate-500">{t("noPassword")}</div>
                  ) : null}
                </td>
                <td className="px-5 py-3">{t("roleName", { role: member.role })}</td>
                <td className="px-5 py-3">
                  <span className={member.enabled ? "text-emerald-700" : "text-rose-700"}>
                    {member.enabled ? t("enabled") : t("disabled")}
                  </span>
                </td>
                <td className="px-5 py-3" data-column="last-signed-in">
                  {member.lastSignedInAt ? (
                    <ZonedTime date={member.lastSignedInAt} />
                  ) : (
                    <span className="text-slate-500">{t("neverSignedIn")}</span>
                  )}
                </td>
                <td className="px-5 py-3">
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
  );
}
