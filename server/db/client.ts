import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import pg from "pg";
import { migrateEmbedded, migrateServer } from "./migrate";
import { lockDataDirectory } from "./pglite-lock";
import { makePrivateDirectory, makeTreePrivate } from "./private-files";
import * as schema from "./schema";

/** One type for both drivers: application code never knows which one it has. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Applies the committed migrations that have not run yet. */
  migrate(): Promise<void>;
  /**
   * How the job queue (pg-boss, server/bulk/queue.ts) reaches this database: its own pool on
   * PostgreSQL; on the embedded database, the one PGlite connection, through pg-boss's
   * option for a given connection (`db.executeSql`).
   */
  queue: { connectionString: string } | { db: { executeSql: SqlExecutor } };
  close(): Promise<void>;
}

type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * pg-boss's statements on PGlite: with values, one prepared statement; without, possibly
 * several (its schema migrations), which only PGlite's `exec` runs. PGlite queues both
 * behind any open transaction, so they never run inside one of the console's.
 */
function pgliteExecutor(client: PGlite): SqlExecutor {
  return async (text, values) => {
    if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
    const results = await client.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  };
}

export interface DatabaseLocation {
  /** A PostgreSQL server; when absent, the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** How long to wait for a crashed holder's lock on the embedded database to go stale. */
  waitForLockMs?: number;
}

/** Where the embedded database keeps its files inside DATA_DIR. */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if (location.databaseUrl) {
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", (error) => console.error(`PostgreSQL connection error: ${error.message}`));
    const databaseUrl = location.databaseUrl;
    return {
      db: drizzlePostgres({ client: pool, schema }),
      kind: "postgres",
      migrate: () => migrateServer(databaseUrl),
      queue: { connectionString: databaseUrl },
      close: () => pool.end(),
    };
  }

  // Nobody but the console's own user may read the database (server/db/private-files.ts):
  // DATA_DIR and the database directory are 0700 before PGlite writes; files an earlier
  // console left open are tightened before it opens them, and those initdb writes after.
  makePrivateDirectory(location.dataDir);
  const directory = pgliteDirectory(location.dataDir);
  const unlock = await lockDataDirectory(directory, location.waitForLockMs);
  try {
    makeTreePrivate(directory);
    const client = await PGlite.create(directory);
    makeTreePrivate(directory);
    const db = drizzlePglite({ client, schema });
    return {
      db,
      kind: "pglite",
      migrate: () => migrateEmbedded(db),
      queue: { db: { executeSql: pgliteExecutor(client) } },
      close: async () => {
        await client.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
