"use client";

import { useController, useFormContext, useWatch } from "react-hook-form";
import { DateTimePicker } from "./date-time-picker";
import { useFieldError } from "./form";

/** A DateTimePicker bound to a form's wall-clock field, read in the zone the form's `zoneField` holds. */
export function DateTimeField({
  name,
  id,
  zoneField = "zone",
  fromDate,
}: {
  name: string;
  id: string;
  zoneField?: string;
  fromDate?: Date;
}) {
  const { control } = useFormContext();
  const { field } = useController({ name, control });
  const zone = useWatch({ name: zoneField, control }) as string;
  const error = useFieldError(name);
  return (
    <DateTimePicker
      id={id}
      value={field.value as { date: string; time: string }}
      onChange={field.onChange}
      timeZone={zone}
      fromDate={fromDate}
      error={error}
      timeRef={field.ref}
    />
  );
}
