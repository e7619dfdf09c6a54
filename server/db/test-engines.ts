import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "./client";

// For database tests that must hold on both engines the console supports. PGlite runs
// one statement at a time and hides races, so race tests need the PostgreSQL half most:
// it runs when the test passes TEST_DATABASE_URL (e2e/tools/with-postgres.sh sets it). Each test
// file gets a database of its own, so files running side by side never share tables.

export interface TestEngine {
  name: "PGlite" | "PostgreSQL";
  available: boolean;
  /** A fresh, migrated database; `close` removes it again. */
  open(): Promise<DatabaseHandle>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function freshPglite(): Promise<DatabaseHandle> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-test-"));
  const handle = await openDatabase({ databaseUrl: undefined, dataDir });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freshPostgres(serverUrl: string): Promise<DatabaseHandle> {
  const name = `test_${crypto.randomUUID().replaceAll("-", "")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: "/nonexistent" });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** The engines to run on; `serverUrl` is the test's TEST_DATABASE_URL (none: PGlite only). */
export const testEngines = (serverUrl: string | undefined): TestEngine[] => [
  { name: "PGlite", available: true, open: freshPglite },
  { name: "PostgreSQL", available: Boolean(serverUrl), open: () => freshPostgres(serverUrl ?? "") },
];

/** Runs `work` from `clients` parallel loops until `ms` have passed (a sustained flood, not one burst). */
export async function sustained<T>(
  clients: number,
  ms: number,
  work: (client: number, round: number) => Promise<T>,
): Promise<T[]> {
  const until = Date.now() + ms;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let round = 0; Date.now() < until; round++) results.push(await work(client, round));
    }),
  );
  return results;
}
