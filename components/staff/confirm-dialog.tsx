"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Modal } from "@/components/ui/modal";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";

/** Asks before a staff change takes effect: what will happen, then confirm or cancel. */
export function ConfirmDialog({
  open,
  title,
  confirm,
  pending,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  /** The confirming button's words: the change itself ("Disable"), never a bare "OK". */
  confirm: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("Staff");
  return (
    <Modal open={open} title={title} onClose={onClose}>
      <div className="space-y-4 text-sm">
        {children}
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClass} disabled={pending} onClick={onConfirm}>
            {pending ? t("working") : confirm}
          </button>
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={onClose}>
            {t("cancel")}
          </button>
        </div>
      </div>
    </Modal>
  );
}
