import type { AdaptyFailure } from "@/lib/change/outcome";
import type { AccessLevel, Profile } from "@/lib/adapty/types";
import type { ChangeActionFn, ConsoleAction } from "@/lib/change/action";
import type { DifferenceRow } from "@/lib/audit/difference";
import type { UndoPlan } from "./plan";
import type { UndoInput, UndoPreviewInput } from "./schema";

/** What the undo dialog shows before anything is sent: read fresh from Adapty and the audit row. */
export interface UndoPreview {
  eventId: number;
  profileId: string;
  accessLevelId: string;
  /** The undone change's "before": what the undo restores. */
  restores: unknown;
  /** The level as Adapty holds it now. */
  current: AccessLevel | null;
  plan: UndoPlan;
  /** How the level differs now from what the undone change left (empty: it does not). */
  changes: DifferenceRow[];
  /** The current level's fingerprint, carried back by the undo. */
  seen: string;
}

/** The preview action's answer: the preview, or why there is none (a catalogue key, or Adapty's failure). */
export type UndoPreviewAnswer = { preview: UndoPreview } | { refusal: string } | { failure: AdaptyFailure };

/** The undo's actions as the pages hand them to the browser: the preview, and the undo as a grant or a revoke. */
export interface UndoActions {
  preview: ConsoleAction<UndoPreviewInput, UndoPreviewAnswer>;
  grant: ChangeActionFn<UndoInput, Profile>;
  revoke: ChangeActionFn<UndoInput, Profile>;
}
