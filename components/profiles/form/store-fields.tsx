"use client";

import { useTranslations } from "next-intl";
import { STORES } from "@/lib/profiles/schema";
import { ChoiceField, Group, TextField } from "./parts";

export function StoreFields() {
  const t = useTranslations("ProfileForm");
  return (
    <Group title={t("storeAndCountry")}>
      <ChoiceField
        name="store"
        label={t("store")}
        notSet={t("notSet")}
        options={STORES.map((store) => ({ value: store, label: store }))}
      />
      <TextField name="store_country" label={t("storeCountry")} hint={t("countryHint")} maxLength={2} />
      <TextField name="ip_country" label={t("ipCountry")} hint={t("countryHint")} maxLength={2} />
      <TextField name="ip_v4_address" label={t("ipAddress")} maxLength={15} />
      <TextField name="store_account_token" label={t("storeAccountToken")} maxLength={36} />
    </Group>
  );
}
