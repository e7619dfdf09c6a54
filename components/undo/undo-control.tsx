"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChangeButton } from "@/components/access/change-button";
import type { UndoActions } from "@/lib/undo/preview";

/** What a page knows about undoing one row: whether it may be undone now, and the undo that took it. */
export interface UndoState {
  undoable: boolean;
  undoneBy?: number;
  /** The row undoes this one. */
  undoes?: number | null;
}

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

/** What a page hands its rows: the undo's actions (absent: this member may not undo), which rows may be undone, and by whom they were. */
export interface UndoView {
  actions?: UndoActions;
  undoable: number[];
  undoneBy: Record<number, number>;
}

/** One row's part of the page's UndoView. */
export const undoStateFor = (view: UndoView, id: number, undoes: number | null | undefined): UndoState => ({
  undoable: view.undoable.includes(id),
  undoneBy: view.undoneBy[id],
  undoes,
});
