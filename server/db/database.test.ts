import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type DatabaseHandle } from "./client";
import { DatabaseInUseError } from "./pglite-lock";
import { makePrivateDirectory } from "./private-files";
import { staff } from "./schema";

// The same migrations and the same round trip on both engines the console supports.
// The README's test command starts a throw-away PostgreSQL server and passes its URL in
// TEST_DATABASE_URL; a bare `vitest` run on a laptop without one runs the PGlite half only.
const postgresUrl = process.env.TEST_DATABASE_URL;
const MIGRATION_COUNT = readdirSync(path.join(import.meta.dirname, "migrations")).filter((name) =>
  name.endsWith(".sql"),
).length;

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

/** Everything under `root` (itself included) that group or other users may access, with its mode; links are skipped. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const stats = lstatSync(current);
    if (stats.isSymbolicLink()) continue;
    if ((stats.mode & 0o077) !== 0)
      found.push(`${path.relative(root, current) || "."} ${(stats.mode & 0o777).toString(8)}`);
    if (stats.isDirectory()) for (const name of readdirSync(current)) pending.push(path.join(current, name));
  }
  return found;
}

/** Makes every directory under `root` 0777 and every file 0666, as PGlite (and earlier consoles) left them. */
function loosen(root: string): void {
  const stats = lstatSync(root);
  if (stats.isSymbolicLink()) return;
  chmodSync(root, stats.isDirectory() ? 0o777 : 0o666);
  if (stats.isDirectory()) for (const name of readdirSync(root)) loosen(path.join(root, name));
}

describe("embedded database files are private to the console's user", () => {
  const parent = mkdtempSync(path.join(tmpdir(), "console-db-modes-"));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("creates DATA_DIR 0700 and leaves no file or directory under it open to group or other, open or closed", async () => {
    const dataDir = path.join(parent, "fresh", "data");
    const handle = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      await handle.migrate();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(readdirSync(path.join(dataDir, "pglite")).length).toBeGreaterThan(10);
      expect(openToOthers(dataDir)).toEqual([]); // the lock directory included
    } finally {
      await handle.close();
    }
    expect(openToOthers(path.join(parent, "fresh"))).toEqual([]);
  });

  it("tightens a database left 0777/0666 before PGlite opens it, without following links", async () => {
    const dataDir = path.join(parent, "loose");
    const first = await openDatabase({ databaseUrl: undefined, dataDir });
    await first.migrate();
    await first.close();
    // A file outside, linked from inside: tightening must not reach it.
    const outside = path.join(parent, "outside.txt");
    writeFileSync(outside, "not the console's");
    symlinkSync(outside, path.join(dataDir, "pglite", "link-to-outside"));
    loosen(dataDir);
    chmodSync(outside, 0o666);
    expect(openToOthers(dataDir).length).toBeGreaterThan(900);

    let seenByPglite: string[] | undefined;
    const create = PGlite.create.bind(PGlite);
    const spy = vi.spyOn(PGlite, "create").mockImplementation(((...args: Parameters<typeof PGlite.create>) => {
      seenByPglite = openToOthers(dataDir);
      return create(...args);
    }) as typeof PGlite.create);
    try {
      const second = await openDatabase({ databaseUrl: undefined, dataDir });
      expect(await second.db.select().from(staff)).toEqual([]); // still a working database
      await second.close();
    } finally {
      spy.mockRestore();
    }
    expect(seenByPglite).toEqual([]);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(statSync(outside).mode & 0o777).toBe(0o666);
  });

  it("leaves a shared sticky directory such as /tmp as it is", () => {
    const shared = path.join(parent, "shared");
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    makePrivateDirectory(shared);
    expect(statSync(shared).mode & 0o7777).toBe(0o1777);
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
    const handles = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ databaseUrl: postgresUrl, dataDir: "/nonexistent" })),
    );
    try {
      await Promise.all(handles.map((handle) => handle.migrate()));
      expect(await appliedMigrations(handles[0]!)).toBe(MIGRATION_COUNT);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});
