"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { FormError, type ShownError } from "@/components/ui/form-error";
import { Modal } from "@/components/ui/modal";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";

/**
 * The step before a batch-wide change (start, cancel): a heading that takes the focus when
 * it opens, what will happen, the action's error if it is refused, and the button that does
 * it, named for what it does. Escape or Back closes it; nothing is sent until confirmed.
 */
export function ConfirmStep(props: {
  open: boolean;
  title: string;
  heading: string;
  confirm: string;
  pending: boolean;
  error: ShownError | null;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("Bulk");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.open) heading.current?.focus();
  }, [props.open]);
  return (
    <Modal open={props.open} title={props.title} onClose={props.onClose}>
      <div className="space-y-4 text-sm">
        <h3 ref={heading} tabIndex={-1} className="font-medium outline-none">
          {props.heading}
        </h3>
        {props.children}
        <FormError error={props.error} />
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={secondaryButtonClass} disabled={props.pending} onClick={props.onClose}>
            {t("back")}
          </button>
          <button type="button" className={buttonClass} disabled={props.pending} onClick={props.onConfirm}>
            {props.pending ? t("working") : props.confirm}
          </button>
        </div>
      </div>
    </Modal>
  );
}
