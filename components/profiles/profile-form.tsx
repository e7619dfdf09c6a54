"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { FormError } from "@/components/access/form-error";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ProfileChangeOutcome } from "@/lib/profiles/change-outcome";
import { byProfilePath } from "@/lib/profiles/user-ids";
import {
  ATT_STATUSES,
  createProfileSchema,
  GENDERS,
  MAX_ATTRIBUTES,
  MAX_KEY_LENGTH,
  MAX_VALUE_LENGTH,
  PLATFORMS,
  profileFieldsSchema,
  STORES,
  type ProfileFormValues,
} from "@/lib/profiles/schema";
import { createProfileAction } from "@/server/profiles/create-profile";
import { updateProfileAction } from "@/server/profiles/update-profile";

type Values = Omit<ProfileFormValues, "idempotencyKey">;
const formSchema = profileFieldsSchema.extend({ customer_user_id: createProfileSchema.shape.customer_user_id });

interface Props {
  mode: "create" | "edit";
  profileId?: string;
  /** Edit mode: the customer's current custom attributes, the only fields Adapty returns. */
  attributes?: { key: string; value: string | number }[];
}

const Group = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
    <legend className="px-1 text-base font-semibold">{title}</legend>
    <div className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
  </fieldset>
);

/** Create a profile, or edit one (only what changes is sent). One schema with the server action. */
export function ProfileForm({ mode, profileId, attributes = [] }: Props) {
  const t = useTranslations("ProfileForm");
  const errorText = useTranslations("ProfileForm.errors");
  const router = useRouter();
  const initialAttributes = attributes.map(({ key, value }) => ({
    key,
    type: typeof value === "number" ? ("number" as const) : ("string" as const),
    value: String(value),
  }));
  const form = useForm<Values>({
    resolver: zodResolver(mode === "create" ? formSchema : profileFieldsSchema) as never,
    shouldUnregister: true,
    defaultValues: { customer_user_id: "", custom_attributes: initialAttributes },
  });
  const rows = useFieldArray({ control: form.control, name: "custom_attributes" });
  const typedAttributes = useWatch({ control: form.control, name: "custom_attributes" });
  const [installation, setInstallation] = useState(false);
  const [outcome, setOutcome] = useState<ProfileChangeOutcome | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const create = useAction(createProfileAction);
  const update = useAction(updateProfileAction);
  const pending = create.isPending || update.isPending;
  const errors = form.formState.errors;

  const message = (key: string | undefined) =>
    key ? (errorText.has(key as never) ? errorText(key as never) : key) : undefined;
  const errorAt = (path: string): string | undefined => {
    const found = path
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], errors);
    return message((found as { message?: string } | undefined)?.message);
  };
  const text = (name: FieldPath<Values>, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field id={name} label={label} hint={props.title} error={errorAt(name)}>
      <input
        id={name}
        className={inputClass}
        aria-invalid={errorAt(name) ? true : undefined}
        {...props}
        title={undefined}
        {...form.register(name)}
      />
    </Field>
  );

  async function submit(values: Values) {
    setServerError(null);
    setOutcome(null);
    const idempotencyKey = crypto.randomUUID();
    const fields = { ...values, installation_meta: installation ? values.installation_meta : undefined };
    const result =
      mode === "create"
        ? await create.executeAsync({ ...fields, idempotencyKey })
        : await update.executeAsync({
            ...fields,
            profileId: profileId ?? "",
            idempotencyKey,
            removed_attributes: initialAttributes
              .map((a) => a.key)
              .filter((key) => !values.custom_attributes?.some((row) => row.key === key)),
            custom_attributes: (values.custom_attributes ?? []).filter(
              (row) =>
                !initialAttributes.some((a) => a.key === row.key && a.value === row.value && a.type === row.type),
            ),
          });
    if (result.serverError) return setServerError(result.serverError);
    for (const [path, keys] of Object.entries(result.validationErrors?.fieldErrors ?? {})) {
      form.setError(path as FieldPath<Values>, { message: (keys as string[] | undefined)?.[0] });
    }
    const answer = result.data;
    if (!answer) return;
    if (answer.outcome === "succeeded") {
      router.push(byProfilePath(answer.profileId));
      router.refresh();
      return;
    }
    // Adapty's field errors land on their fields: its `source` is the field's path.
    if ("fieldErrors" in answer) {
      for (const [source, messages] of Object.entries(answer.fieldErrors ?? {})) {
        form.setError(source as FieldPath<Values>, { type: "adapty", message: messages.join(" ") });
      }
    }
    setOutcome(answer);
  }

  const failure = outcome && "failure" in outcome ? outcome.failure : undefined;
  const formMessages = outcome && "formErrors" in outcome ? (outcome.formErrors ?? []) : [];
  const outcomeMessage =
    outcome?.outcome === "unknown"
      ? t("unknownOutcome")
      : outcome?.outcome === "in_progress"
        ? t("inProgress")
        : outcome?.outcome === "failed" && Object.keys(outcome.fieldErrors ?? {}).length === 0
          ? t("failed")
          : null;

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-6">
      {mode === "create" ? (
        <Group title={t("identity")}>
          <div className="sm:col-span-2 lg:col-span-3">
            {text("customer_user_id", t("customerUserId"), {
              maxLength: 500,
              title: t("customerUserIdHint"),
              autoComplete: "off",
            })}
          </div>
        </Group>
      ) : null}

      <Group title={t("personal")}>
        {text("first_name", t("firstName"), { maxLength: 100 })}
        {text("last_name", t("lastName"), { maxLength: 100 })}
        <Field id="gender" label={t("gender")} error={errorAt("gender")}>
          <select
            id="gender"
            className={inputClass}
            {...form.register("gender", { setValueAs: (v: string) => v || undefined })}
          >
            <option value="">{t("notSet")}</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {t("genderName", { gender: g })}
              </option>
            ))}
          </select>
        </Field>
        {text("email", t("email"), { type: "email", maxLength: 320 })}
        {text("phone_number", t("phone"), { type: "tel", maxLength: 25 })}
        {text("birthday", t("birthday"), { type: "date" })}
      </Group>

      <Group title={t("storeAndCountry")}>
        <Field id="store" label={t("store")} error={errorAt("store")}>
          <select
            id="store"
            className={inputClass}
            {...form.register("store", { setValueAs: (v: string) => v || undefined })}
          >
            <option value="">{t("notSet")}</option>
            {STORES.map((store) => (
              <option key={store} value={store}>
                {store}
              </option>
            ))}
          </select>
        </Field>
        {text("store_country", t("storeCountry"), { maxLength: 2, title: t("countryHint") })}
        {text("ip_country", t("ipCountry"), { maxLength: 2, title: t("countryHint") })}
        {text("ip_v4_address", t("ipAddress"), { maxLength: 15 })}
        {text("store_account_token", t("storeAccountToken"), { maxLength: 36 })}
      </Group>

      <Group title={t("privacy")}>
        <Field id="att_status" label={t("attStatus")} error={errorAt("att_status")}>
          <select
            id="att_status"
            className={inputClass}
            {...form.register("att_status", { setValueAs: (v: string) => (v === "" ? undefined : Number(v)) })}
          >
            <option value="">{t("notSet")}</option>
            {ATT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t("attName", { status: String(status) })}
              </option>
            ))}
          </select>
        </Field>
        {/* A choice rather than a checkbox: "not set" leaves Adapty's value alone when editing. */}
        <Field id="analytics_disabled" label={t("analyticsDisabled")} error={errorAt("analytics_disabled")}>
          <select
            id="analytics_disabled"
            className={inputClass}
            {...form.register("analytics_disabled", {
              setValueAs: (v: string) => (v === "" ? undefined : v === "true"),
            })}
          >
            <option value="">{t("notSet")}</option>
            <option value="true">{t("yes")}</option>
            <option value="false">{t("no")}</option>
          </select>
        </Field>
      </Group>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-base font-semibold">{t("attributes")}</legend>
        <p className="text-xs text-slate-500">
          {t("attributesHint", { max: MAX_ATTRIBUTES, keyMax: MAX_KEY_LENGTH, valueMax: MAX_VALUE_LENGTH })}
        </p>
        {errorAt("custom_attributes") ? (
          <p className="mt-2 text-xs text-rose-700">{errorAt("custom_attributes")}</p>
        ) : null}
        <ul className="mt-3 space-y-2">
          {rows.fields.map((row, index) => {
            const key = typedAttributes?.[index]?.key ?? "";
            const value = typedAttributes?.[index]?.value ?? "";
            return (
              <li key={row.id} className="grid gap-2 sm:grid-cols-[1fr_8rem_1.5fr_auto]" data-attribute-row={index}>
                <Field
                  id={`attr-key-${index}`}
                  label={`${t("key")} ${t("counter", { length: key.length, max: MAX_KEY_LENGTH })}`}
                  error={errorAt(`custom_attributes.${index}.key`)}
                >
                  <input
                    id={`attr-key-${index}`}
                    className={inputClass}
                    {...form.register(`custom_attributes.${index}.key`)}
                  />
                </Field>
                <Field id={`attr-type-${index}`} label={t("type")}>
                  <select
                    id={`attr-type-${index}`}
                    className={inputClass}
                    {...form.register(`custom_attributes.${index}.type`)}
                  >
                    <option value="string">{t("typeString")}</option>
                    <option value="number">{t("typeNumber")}</option>
                  </select>
                </Field>
                <Field
                  id={`attr-value-${index}`}
                  label={`${t("value")} ${t("counter", { length: value.length, max: MAX_VALUE_LENGTH })}`}
                  error={errorAt(`custom_attributes.${index}.value`)}
                >
                  <input
                    id={`attr-value-${index}`}
                    className={inputClass}
                    {...form.register(`custom_attributes.${index}.value`)}
                  />
                </Field>
                <button
                  type="button"
                  className={`${secondaryButtonClass} self-end`}
                  onClick={() => rows.remove(index)}
                  aria-label={t("removeAttribute", { key: key || String(index + 1) })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <div className="mt-3 flex items-center gap-3">
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={rows.fields.length >= MAX_ATTRIBUTES}
            onClick={() => rows.append({ key: "", type: "string", value: "" })}
          >
            {t("addAttribute")}
          </button>
          <span className="text-xs text-slate-500">
            {t("attributeCount", { count: rows.fields.length, max: MAX_ATTRIBUTES })}
          </span>
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-base font-semibold">{t("installation")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={installation} onChange={(e) => setInstallation(e.target.checked)} />
          {t("includeInstallation")}
        </label>
        {installation ? (
          <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field id="device-id" label={t("deviceId")} error={errorAt("installation_meta.device_id")}>
              <div className="flex gap-2">
                <input
                  id="device-id"
                  readOnly
                  defaultValue={crypto.randomUUID()}
                  className={`${inputClass} font-mono text-xs`}
                  {...form.register("installation_meta.device_id")}
                />
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => form.setValue("installation_meta.device_id", crypto.randomUUID())}
                >
                  {t("regenerate")}
                </button>
              </div>
            </Field>
            <Field id="installation_meta.platform" label={t("platform")} error={errorAt("installation_meta.platform")}>
              <select
                id="installation_meta.platform"
                className={inputClass}
                {...form.register("installation_meta.platform", { setValueAs: (v: string) => v || undefined })}
              >
                <option value="">{t("notSet")}</option>
                {PLATFORMS.map((platform) => (
                  <option key={platform} value={platform}>
                    {platform}
                  </option>
                ))}
              </select>
            </Field>
            {text("installation_meta.device", t("device"), { maxLength: 200 })}
            {text("installation_meta.os", t("os"), { maxLength: 100 })}
            {text("installation_meta.locale", t("locale"), { maxLength: 50 })}
            {text("installation_meta.timezone", t("timezone"), { maxLength: 100 })}
            {text("installation_meta.app_version", t("appVersion"), { maxLength: 50 })}
            {text("installation_meta.app_build", t("appBuild"), { maxLength: 50 })}
            {text("installation_meta.adapty_sdk_version", t("sdkVersion"), { maxLength: 50 })}
            {text("installation_meta.user_agent", t("userAgent"), { maxLength: 500 })}
            {text("installation_meta.idfa", t("idfa"), { maxLength: 100 })}
            {text("installation_meta.idfv", t("idfv"), { maxLength: 100 })}
            {text("installation_meta.advertising_id", t("advertisingId"), { maxLength: 100 })}
            {text("installation_meta.android_id", t("androidId"), { maxLength: 100 })}
            {text("installation_meta.android_app_set_id", t("androidAppSetId"), { maxLength: 100 })}
          </div>
        ) : null}
      </fieldset>

      {outcome?.outcome === "exists" ? (
        <Notice tone="info">
          {t("exists")}{" "}
          <Link className="font-medium underline" href={byProfilePath(outcome.profileId)}>
            {t("openExisting")}
          </Link>
        </Notice>
      ) : null}
      {outcomeMessage || formMessages.length > 0 ? (
        <FormError error={{ message: [outcomeMessage, ...formMessages].filter(Boolean).join(" "), failure }} />
      ) : null}
      {serverError ? <FormError error={{ message: serverError }} /> : null}
      <div className="flex justify-end">
        <button type="submit" className={buttonClass} disabled={pending}>
          {mode === "create" ? (pending ? t("creating") : t("create")) : pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
