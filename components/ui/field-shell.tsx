import type { ReactNode } from "react";
import { WithAdaptyWords } from "./adapty-words";

/** What a control needs to be named and described: its id, whether it is invalid, and its hint and error. */
export interface ControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A label, its control, an optional hint and the control's error, linked for screen
 * readers (the control gets `aria-invalid` and `aria-describedby` naming the hint and
 * error). Forms use FormField (components/ui/form.tsx), which fills this in from the form.
 */
export function FieldShell({
  id,
  label,
  hint,
  error,
  invalid,
  describedBy,
  srOnlyLabel,
  className = "space-y-1",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  error?: string;
  /** Invalid without an error of its own (the form's error says why). */
  invalid?: boolean;
  /** Another element that describes the control, such as the form's error. */
  describedBy?: string;
  srOnlyLabel?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId, describedBy].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className={srOnlyLabel ? "sr-only" : "block text-sm font-medium"}>
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error || invalid ? true : undefined,
        "aria-describedby": described || undefined,
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? <ErrorText id={errorId}>{error}</ErrorText> : null}
    </div>
  );
}

/** A field's error, said as it appears. */
export function ErrorText({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} role="alert" className="text-xs text-rose-700">
      <WithAdaptyWords>{children}</WithAdaptyWords>
    </p>
  );
}
