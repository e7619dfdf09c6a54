"use client";

import { useTranslations } from "next-intl";
import { GENDERS } from "@/lib/profiles/schema";
import { ChoiceField, Group, TextField } from "./parts";

export function PersonalFields() {
  const t = useTranslations("ProfileForm");
  return (
    <Group title={t("personal")}>
      <TextField name="first_name" label={t("firstName")} maxLength={100} />
      <TextField name="last_name" label={t("lastName")} maxLength={100} />
      <ChoiceField
        name="gender"
        label={t("gender")}
        notSet={t("notSet")}
        options={GENDERS.map((gender) => ({ value: gender, label: t("genderName", { gender }) }))}
      />
      <TextField name="email" label={t("email")} type="email" maxLength={320} />
      <TextField name="phone_number" label={t("phone")} type="tel" maxLength={25} />
      <TextField name="birthday" label={t("birthday")} type="date" />
    </Group>
  );
}
