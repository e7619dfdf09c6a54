"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { FormField } from "@/components/ui/form";
import { inputClass } from "@/components/ui/styles";

/** One group of the profile form, such as "Personal": its fields in columns (`columns=""`: one). */
export function Group({
  title,
  columns = "sm:grid-cols-2 lg:grid-cols-3",
  children,
}: {
  title: string;
  columns?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      <div className={`mt-2 grid gap-4 ${columns}`}>{children}</div>
    </fieldset>
  );
}

/** A text field of the profile form; its id is its name (so `#email-error` is the email's error). */
export function TextField({
  name,
  label,
  hint,
  ...input
}: { name: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FormField name={name} label={label} hint={hint}>
      {(control) => <input {...input} {...control} className={inputClass} />}
    </FormField>
  );
}

/** A choice that may be left unset: "" becomes undefined (or what `parse` makes of the choice). */
export function ChoiceField({
  name,
  id,
  label,
  notSet,
  options,
  parse = (value) => value || undefined,
}: {
  name: string;
  id?: string;
  label: string;
  notSet: string;
  options: { value: string; label: string }[];
  parse?: (value: string) => unknown;
}) {
  return (
    <FormField name={name} id={id} label={label} options={{ setValueAs: parse }}>
      {(control) => (
        <select {...control} className={inputClass}>
          <option value="">{notSet}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
