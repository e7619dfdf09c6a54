"use client";

import { useTranslations } from "next-intl";
import { ATT_STATUSES } from "@/lib/profiles/schema";
import { ChoiceField, Group } from "./parts";

export function PrivacyFields() {
  const t = useTranslations("ProfileForm");
  return (
    <Group title={t("privacy")}>
      <ChoiceField
        name="att_status"
        label={t("attStatus")}
        notSet={t("notSet")}
        options={ATT_STATUSES.map((status) => ({
          value: String(status),
          label: t("attName", { status: String(status) }),
        }))}
        parse={(value) => (value === "" ? undefined : Number(value))}
      />
      {/* A choice rather than a checkbox: "not set" leaves Adapty's value alone when editing. */}
      <ChoiceField
        name="analytics_disabled"
        label={t("analyticsDisabled")}
        notSet={t("notSet")}
        options={[
          { value: "true", label: t("yes") },
          { value: "false", label: t("no") },
        ]}
        parse={(value) => (value === "" ? undefined : value === "true")}
      />
    </Group>
  );
}
