import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "./client";
import { DatabaseInUseError } from "./pglite-lock";
import { staff } from "./schema";

// The same migrations and the same round trip on both engines the console supports.
// The README's test command starts a throw-away PostgreSQL server and passes its URL in
// TEST_DATABASE_URL; a bare `vitest` run on a laptop without one runs the PGlite half only.
const postgresUrl = process.env.TEST_DATABASE_URL;
const MIGRATION_COUNT = readdirSync(path.join(import.meta.dirname, "migrations")).filter((name) => name.endsWith(".sql")).length;

async function appliedMigrations(handle: DatabaseHandle): Promise<number | undefined> {
  // Both drivers answer with { rows }, but the shared PgDatabase type cannot say so.
  const result: unknown = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return (result as { rows: { n: number }[] }).rows[0]?.n;
}

async function roundTrip(handle: DatabaseHandle) {
  await handle.migrate();
  await handle.migrate(); // a second start finds nothing to do
  const email = `agent-${crypto.randomUUID()}@example.com`;
  const [created] = await handle.db.insert(staff).values({ email, role: "agent" }).returning();
  const [found] = await handle.db.select().from(staff).where(eq(staff.email, email));
  expect(found).toEqual(created);
  expect(found?.enabled).toBe(true);
  expect(found?.createdAt).toBeInstanceOf(Date);
  await expect(handle.db.insert(staff).values({ email, role: "viewer" })).rejects.toThrow();
  expect(await appliedMigrations(handle)).toBe(MIGRATION_COUNT);
}

describe("embedded database (PGlite)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-db-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates, stores and reads back a row, and keeps it across a restart", async () => {
    const first = await openDatabase({ databaseUrl: undefined, dataDir });
    await roundTrip(first);
    await first.close();

    const second = await openDatabase({ databaseUrl: undefined, dataDir });
    const rows = await second.db.select().from(staff);
    expect(rows).toHaveLength(1);
    await second.close();
  });

  it("refuses to open a data directory another holder has open", async () => {
    const holder = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      await expect(openDatabase({ databaseUrl: undefined, dataDir })).rejects.toThrow(DatabaseInUseError);
      await expect(openDatabase({ databaseUrl: undefined, dataDir })).rejects.toThrow(/in use by another process/);
    } finally {
      await holder.close();
    }
    const reopened = await openDatabase({ databaseUrl: undefined, dataDir });
    await reopened.close();
  });
});

describe.skipIf(!postgresUrl)("PostgreSQL server", () => {
  it("migrates, stores and reads back a row", async () => {
    const handle = await openDatabase({ databaseUrl: postgresUrl, dataDir: "/nonexistent" });
    try {
      await handle.db.execute(sql`drop schema if exists public cascade`);
      await handle.db.execute(sql`drop schema if exists drizzle cascade`);
      await handle.db.execute(sql`create schema public`);
      await roundTrip(handle);
    } finally {
      await handle.close();
    }
  });

  it("lets several instances migrate at once without tripping over each other", async () => {
    const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: postgresUrl, dataDir: "/nonexistent" })));
    try {
      await Promise.all(handles.map((handle) => handle.migrate()));
      expect(await appliedMigrations(handles[0]!)).toBe(MIGRATION_COUNT);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});
