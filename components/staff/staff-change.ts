import type { ChangeActionFn } from "@/lib/change/action";
import type { StaffMemberSummary } from "@/lib/staff/member";

/** A staff-row action as the page passes it down: about one member, answered with the member as changed. */
export type StaffChange<I> = ChangeActionFn<I & { staffId: string }, StaffMemberSummary | null>;
