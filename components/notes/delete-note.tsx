"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/ui/form-error";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { ChangeActionFn } from "@/lib/change/action";
import type { NoteAnswer } from "@/lib/notes/note";
import type { DeleteNoteInput } from "@/lib/notes/schema";

/** Delete asks once, in place (the audit log keeps the words); it names the version the agent saw. */
export function DeleteNote({
  seen,
  action,
  onDeleted,
}: {
  seen: DeleteNoteInput;
  action: ChangeActionFn<DeleteNoteInput, NoteAnswer>;
  onDeleted: () => void;
}) {
  const t = useTranslations("Notes");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const change = useChangeOutcome(action, {
    namespace: "Notes.errors",
    onSucceeded: () => {
      onDeleted();
      router.refresh();
    },
  });

  if (!asking)
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => setAsking(true)}>
        {t("delete")}
      </button>
    );
  return (
    <div className="w-full space-y-2 rounded-md border border-rose-200 bg-rose-50 p-3" role="group">
      <p>{t("confirmDelete")}</p>
      <FormError error={change.error} />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={change.pending}
          onClick={() => void change.submit(seen)}
        >
          {change.pending ? t("deleting") : t("deleteNote")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={change.pending}
          onClick={() => {
            change.reset();
            setAsking(false);
          }}
        >
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
