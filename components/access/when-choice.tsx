"use client";

import type { ReactNode } from "react";
import { useController } from "react-hook-form";

/** "Now" or "at a chosen time", held in a form's boolean field; the chosen time's controls follow. */
export function WhenChoice({
  name,
  group,
  legend,
  now,
  later,
  children,
}: {
  name: string;
  /** The radio group's name. */
  group: string;
  legend: string;
  now: string;
  later: string;
  children?: ReactNode;
}) {
  const { field } = useController({ name });
  const option = (value: boolean, label: string) => (
    <label className="flex items-center gap-2">
      <input
        type="radio"
        name={group}
        checked={field.value === value}
        onChange={() => field.onChange(value)}
        ref={value ? undefined : field.ref}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex gap-4 text-sm">
        {option(false, now)}
        {option(true, later)}
      </div>
      {children}
    </fieldset>
  );
}
