import "server-only";
import { eq, sql } from "drizzle-orm";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "@/lib/policy/settings";
import type { Database } from "@/server/db";
import { consoleSettings } from "@/server/db/schema";

/** The settings as stored, with the version a save must name (0: never saved, the defaults apply). */
export interface StoredSettings {
  settings: Settings;
  version: number;
  updatedAt: Date | null;
  updatedByEmail: string | null;
}

/** Thrown when a save names a version that is no longer the stored one: another admin saved first. */
export class SettingsChangedError extends Error {
  override name = "SettingsChangedError";
}

export async function readSettings(db: Database): Promise<StoredSettings> {
  const [row] = await db.select().from(consoleSettings).where(eq(consoleSettings.id, 1));
  if (!row) return { settings: DEFAULT_SETTINGS, version: 0, updatedAt: null, updatedByEmail: null };
  const parsed = settingsSchema.safeParse(row.settings);
  // Only the save action writes the row, after the same schema: a row that fails it was edited by hand.
  if (!parsed.success) console.error("console_settings does not match its schema; the defaults apply until saved");
  return {
    settings: parsed.success ? parsed.data : DEFAULT_SETTINGS,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedByEmail: row.updatedByEmail,
  };
}

/**
 * Saves the settings if the stored version is still `fromVersion` — one conditional write,
 * so of two admins saving from the same version exactly one wins and the other is told.
 */
export async function writeSettings(
  db: Database,
  settings: Settings,
  fromVersion: number,
  byEmail: string,
): Promise<StoredSettings> {
  const values = { settings, updatedByEmail: byEmail, updatedAt: sql`now()` };
  const [row] =
    fromVersion === 0
      ? await db
          .insert(consoleSettings)
          .values({ id: 1, version: 1, ...values })
          .onConflictDoNothing()
          .returning()
      : await db
          .update(consoleSettings)
          .set({ ...values, version: sql`${consoleSettings.version} + 1` })
          .where(sql`${consoleSettings.id} = 1 and ${consoleSettings.version} = ${fromVersion}`)
          .returning();
  if (!row) throw new SettingsChangedError("The settings changed since they were read.");
  return { settings, version: row.version, updatedAt: row.updatedAt, updatedByEmail: row.updatedByEmail };
}
