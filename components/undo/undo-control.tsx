"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChangeButton } from "@/components/access/change-button";
import type { UndoActions } from "@/lib/undo/preview";
import type { UndoState } from "@/lib/undo/view";

/**
 * "Undo of #N" / "Undone by #M" and the Undo button of one audit row, on the timeline and in
 * the audit log. It stays the same element when the page refreshes after an undo, so the
 * message that says it was done stays too.
 */
export function UndoControl({
  eventId,
  state,
  actions,
  ticket,
}: {
  eventId: number;
  state: UndoState;
  actions?: UndoActions;
  /** The ticket the page was opened for (?ticket=): the undo's ticket field starts with it. */
  ticket?: string;
}) {
  const t = useTranslations("Undo");
  const [done, setDone] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2 text-xs">
      {state.undoes ? <span data-undo-of={state.undoes}>{t("undoOf", { id: state.undoes })}</span> : null}
      {state.undoneBy ? <span data-undone-by={state.undoneBy}>{t("undoneBy", { id: state.undoneBy })}</span> : null}
      {actions && state.undoable && !state.undoneBy ? (
        <ChangeButton
          label={t("undo")}
          ariaLabel={t("undoLabel", { id: eventId })}
          className="text-sky-800 underline hover:text-sky-950"
          load={() => import("./undo-dialog").then((module) => module.UndoDialog)}
          dialog={{ eventId, actions, ticket, onDone: setDone }}
        />
      ) : null}
      {done ? (
        <span role="status" className="text-emerald-800">
          {done}
        </span>
      ) : null}
    </span>
  );
}
