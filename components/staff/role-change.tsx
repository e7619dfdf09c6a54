"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormError } from "@/components/ui/form-error";
import { Form, FormField } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import { compactInputClass, secondaryButtonClass } from "@/components/ui/styles";
import { ROLES, type Role } from "@/lib/staff/roles";
import { changeRoleSchema } from "@/lib/staff/schema";
import { ConfirmDialog } from "./confirm-dialog";
import type { StaffChange } from "./staff-change";

const roleForm = changeRoleSchema.pick({ role: true });

/** A member's role: chosen, confirmed ("from Viewer to Agent"), then said ("… is now Agent."). */
export function RoleChange({
  staffId,
  email,
  role,
  action,
}: {
  staffId: string;
  email: string;
  role: Role;
  action: StaffChange<{ role: Role }>;
}) {
  const t = useTranslations("Staff");
  const form = useForm({ resolver: zodResolver(roleForm), defaultValues: { role } });
  const change = useChangeOutcome(action, { namespace: "Validation", form });
  const [confirming, setConfirming] = useState(false);
  const chosen = useWatch({ control: form.control, name: "role" });
  const changed = change.succeeded?.value;
  const names = { from: t("roleName", { role }), to: t("roleName", { role: chosen }) };

  async function confirm() {
    await change.submit({ staffId, role: chosen });
    setConfirming(false);
  }

  return (
    <div className="space-y-2">
      <Form
        form={form}
        namespace="Validation"
        onSubmit={() => {
          change.reset();
          setConfirming(true);
        }}
        className="flex flex-wrap items-center gap-2"
      >
        <FormField name="role" id={`role-${staffId}`} label={t("role")} srOnlyLabel>
          {(control) => (
            <select {...control} className={`${compactInputClass} w-28`}>
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {t("roleName", { role: option })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className={secondaryButtonClass} disabled={chosen === role || change.pending}>
          {t("saveRole")}
        </button>
      </Form>
      <ConfirmDialog
        open={confirming}
        title={t("confirmRoleTitle")}
        confirm={t("saveRole")}
        pending={change.pending}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(false)}
      >
        <p>{t("confirmRole", { email, ...names })}</p>
      </ConfirmDialog>
      <div aria-live="polite">
        <FormError error={change.error} />
        {changed ? (
          <Notice tone="success">{t("roleChanged", { email, role: t("roleName", { role: changed.role }) })}</Notice>
        ) : null}
      </div>
    </div>
  );
}
