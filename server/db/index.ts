import "server-only";
import { getEnv } from "@/server/env";
import { openDatabase, type Database, type DatabaseHandle } from "./client";

export type { Database } from "./client";

// Next.js may evaluate this module once per bundle (instrumentation, pages, route
// handlers) inside one process; the handle lives on globalThis so the embedded database
// is opened exactly once per process.
const KEY = Symbol.for("adapty-support-console.database");
type Holder = { [KEY]?: Promise<DatabaseHandle> };

// The console waits for a crashed predecessor's lock on the embedded database to go
// stale; a command-line tool refuses at once instead (refuseBusyDatabase).
let waitForLockMs = 12_000;

/** For CLIs: if a running console holds the embedded database, say so now rather than wait. */
export function refuseBusyDatabase(): void {
  waitForLockMs = 0;
}

/** The process's database, opened and migrated on first use (at start-up, from instrumentation). */
export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const handle = await openDatabase({ ...getEnv(), waitForLockMs });
    try {
      await handle.migrate();
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  })().catch((error: unknown) => {
    delete holder[KEY]; // let the next request try again rather than fail forever
    throw error;
  });
  return holder[KEY];
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
