import "server-only";
import { getTranslations } from "next-intl/server";
import type { Staff } from "@/server/auth/require-staff";
import { ActionRefusal } from "../safe-action";

/** Admins may not demote or disable themselves: the console must always keep an admin. */
export async function refuseChangesToSelf(actor: Staff, staffId: string): Promise<void> {
  if (actor.id === staffId) throw new ActionRefusal((await getTranslations("Staff"))("notYourself"));
}
