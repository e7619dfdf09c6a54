"use client";

import { useTranslations } from "next-intl";
import { Group, TextField } from "./parts";

/** Create only: the id the customer's app uses for them (empty: an anonymous profile). */
export function IdentityFields() {
  const t = useTranslations("ProfileForm");
  return (
    <Group title={t("identity")}>
      <div className="sm:col-span-2 lg:col-span-3">
        <TextField
          name="customer_user_id"
          label={t("customerUserId")}
          hint={t("customerUserIdHint")}
          maxLength={500}
          autoComplete="off"
        />
      </div>
    </Group>
  );
}
