"use client";

import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";

/** The two buttons at the foot of each step of the grant and revoke dialogs. */
export function DialogButtons(props: {
  back: string;
  onBack: () => void;
  next: string;
  /** Absent: the button submits the form. */
  onNext?: () => void;
  pending?: boolean;
}) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" className={secondaryButtonClass} disabled={props.pending} onClick={props.onBack}>
        {props.back}
      </button>
      <button
        type={props.onNext ? "button" : "submit"}
        className={buttonClass}
        disabled={props.pending}
        onClick={props.onNext}
      >
        {props.next}
      </button>
    </div>
  );
}
