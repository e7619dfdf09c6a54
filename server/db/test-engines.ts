import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseHandle } from "./client";

/**
 * For database tests: both engines the console runs on. PGlite always; PostgreSQL when the
 * test command started one (TEST_DATABASE_URL, e2e/tools/with-postgres.sh) — that is where
 * races live, since PGlite serialises everything. Each opens migrated.
 */
export const DATABASE_ENGINES: { name: string; available: boolean; open: () => Promise<DatabaseHandle> }[] = [
  { name: "PGlite", available: true, open: () => migrated({ databaseUrl: undefined, dataDir: mkdtempSync(path.join(tmpdir(), "console-test-")) }) },
  {
    name: "PostgreSQL",
    available: Boolean(process.env.TEST_DATABASE_URL),
    open: () => migrated({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: "/nonexistent" }),
  },
];

async function migrated(location: Parameters<typeof openDatabase>[0]): Promise<DatabaseHandle> {
  const handle = await openDatabase(location);
  await handle.migrate();
  return handle;
}

/** Runs `work` from `clients` parallel loops until `ms` have passed (a sustained flood, not one burst). */
export async function sustained<T>(clients: number, ms: number, work: (client: number, round: number) => Promise<T>): Promise<T[]> {
  const until = Date.now() + ms;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let round = 0; Date.now() < until; round++) results.push(await work(client, round));
    }),
  );
  return results;
}
