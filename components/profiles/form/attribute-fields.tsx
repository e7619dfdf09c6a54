"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { FieldError, FormField } from "@/components/ui/form";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import type { ProfileFormInput } from "@/lib/profiles/form";
import { MAX_ATTRIBUTES, MAX_KEY_LENGTH, MAX_VALUE_LENGTH } from "@/lib/profiles/schema";

/** The customer's custom attributes: a key, a type and a value per row, with counters against Adapty's limits. */
export function AttributeFields() {
  const t = useTranslations("ProfileForm");
  const { control } = useFormContext<ProfileFormInput>();
  const rows = useFieldArray({ control, name: "custom_attributes" });
  const typed = useWatch({ control, name: "custom_attributes" });
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-base font-semibold">{t("attributes")}</legend>
      <p className="text-xs text-slate-500">
        {t("attributesHint", { max: MAX_ATTRIBUTES, keyMax: MAX_KEY_LENGTH, valueMax: MAX_VALUE_LENGTH })}
      </p>
      <div className="mt-2 empty:hidden">
        <FieldError name="custom_attributes" />
      </div>
      <ul className="mt-3 space-y-2">
        {rows.fields.map((row, index) => {
          const key = typed?.[index]?.key ?? "";
          const value = typed?.[index]?.value ?? "";
          return (
            <li key={row.id} className="grid gap-2 sm:grid-cols-[1fr_8rem_1.5fr_auto]" data-attribute-row={index}>
              <FormField
                name={`custom_attributes.${index}.key`}
                id={`attr-key-${index}`}
                label={`${t("key")} ${t("counter", { length: key.length, max: MAX_KEY_LENGTH })}`}
              >
                {(control) => <input {...control} className={inputClass} />}
              </FormField>
              <FormField name={`custom_attributes.${index}.type`} id={`attr-type-${index}`} label={t("type")}>
                {(control) => (
                  <select {...control} className={inputClass}>
                    <option value="string">{t("typeString")}</option>
                    <option value="number">{t("typeNumber")}</option>
                  </select>
                )}
              </FormField>
              <FormField
                name={`custom_attributes.${index}.value`}
                id={`attr-value-${index}`}
                label={`${t("value")} ${t("counter", { length: value.length, max: MAX_VALUE_LENGTH })}`}
              >
                {(control) => <input {...control} className={inputClass} />}
              </FormField>
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
  );
}
