"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { settingsSchema } from "@/lib/policy/settings";
import { auditedChange } from "@/server/audit/audited-change";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { readSettings, writeSettings } from "./settings-store";

const saveSettingsSchema = z.object({ settings: settingsSchema, fromVersion: z.number().int().min(0) });

/** An admin saves the grant policy and the approval and undo windows: audited with the settings before and after. */
export const saveSettingsAction = actionClient
  .metadata({ permission: "settings.manage", change: "settings.changed" })
  .inputSchema(saveSettingsSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome<{ version: number }>> => {
    const db = await getDb();
    const before = await readSettings(db);
    const outcome = await auditedChange({
      actor: ctx.staff,
      action: "settings.changed",
      target: {},
      params: { fromVersion: input.fromVersion },
      accessBefore: before.settings,
      send: async () => ({ value: await writeSettings(db, input.settings, input.fromVersion, ctx.staff.email) }),
      describeAfter: (stored) => stored.settings,
      answer: (stored) => ({ version: stored.version }),
      refusal: (failure) =>
        failure.errorName === "SettingsChangedError" ? "Settings.errors.changedMeanwhile" : undefined,
    });
    revalidatePath("/settings");
    return outcome;
  });
