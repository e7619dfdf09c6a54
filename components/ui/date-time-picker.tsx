"use client";

import { useTranslations } from "next-intl";
import { useMoment } from "./use-moment";
import type { Ref } from "react";
import { DayPicker } from "react-day-picker";
import "react-day-picker/style.css";
import type { WallClock } from "@/lib/time/presets";
import { zonedLocalToDate } from "@/lib/time/zoned";
import { ErrorText } from "./field-shell";
import { inputClass } from "./styles";

const pad = (n: number) => String(n).padStart(2, "0");
const toDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const fromDay = (day: string) => {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
};

/**
 * The one date-and-time picker: a calendar (react-day-picker, keyboard-navigable) and a
 * time field, read as a wall-clock time in `timeZone`, with the same moment in UTC below.
 */
export function DateTimePicker({
  id,
  value,
  onChange,
  timeZone,
  fromDate,
  error,
  timeRef,
}: {
  id: string;
  value: WallClock;
  onChange: (value: WallClock) => void;
  timeZone: string;
  fromDate?: Date;
  error?: string;
  /** The time field, which takes the focus when the moment is invalid. */
  timeRef?: Ref<HTMLInputElement>;
}) {
  const t = useTranslations("Access");
  const moment = useMoment();
  const instant = zonedLocalToDate(`${value.date}T${value.time}`, timeZone);
  return (
    <div className="space-y-2" id={id}>
      <DayPicker
        mode="single"
        required
        selected={fromDay(value.date)}
        defaultMonth={fromDay(value.date)}
        onSelect={(day) => onChange({ ...value, date: toDay(day) })}
        disabled={fromDate ? { before: fromDay(toDay(fromDate)) } : undefined}
        className="rounded-md border border-slate-200 p-2 text-sm"
      />
      <div className="flex items-end gap-3">
        <label htmlFor={`${id}-time`} className="block text-sm font-medium">
          {t("time")}
          <input
            id={`${id}-time`}
            ref={timeRef}
            type="time"
            value={value.time}
            onChange={(event) => onChange({ ...value, time: event.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={`${inputClass} mt-1 w-36`}
          />
        </label>
        <span className="pb-2 text-xs text-slate-500">
          {value.date} · {timeZone}
          {instant ? ` ${t("inUtc", { time: moment(instant, { timeZone: "UTC" }) })}` : ""}
        </span>
      </div>
      {error ? <ErrorText id={`${id}-error`}>{error}</ErrorText> : null}
    </div>
  );
}
