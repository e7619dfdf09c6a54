import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, DatabaseHandle } from "@/server/db/client";
import { staff } from "@/server/db/schema";
import { testEngines } from "@/server/db/test-engines";
import { addStaff, LastAdminError, setStaffEnabled, setStaffRole } from "./staff";

// "Keep one enabled admin" under a race: two admins, the last two, each removing the other
// at the same moment. Exactly one of the pair must be refused, every time, and an enabled
// admin must remain. On PostgreSQL the two calls really run side by side (a pool of
// connections); this is the case a check followed by a separate update gets wrong.

const database = vi.hoisted(() => ({ current: undefined as Database | undefined }));
vi.mock("@/server/db", () => ({ getDb: () => Promise.resolve(database.current) }));

const ROUNDS = 50;

for (const engine of testEngines(process.env.TEST_DATABASE_URL)) {
  describe.skipIf(!engine.available)(`keeping an enabled admin on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let pair: [string, string];

    beforeAll(async () => {
      handle = await engine.open();
      database.current = handle.db;
      const first = await addStaff({ email: "first-admin@example.com", role: "admin" });
      const second = await addStaff({ email: "second-admin@example.com", role: "admin" });
      pair = [first.id, second.id];
    });
    afterAll(async () => {
      await handle.close();
    });

    const restorePair = () =>
      handle.db.update(staff).set({ role: "admin", enabled: true }).where(inArray(staff.id, pair));
    const enabledAdmins = async () =>
      (
        await handle.db
          .select({ n: sql<number>`count(*)::int` })
          .from(staff)
          .where(and(eq(staff.role, "admin"), eq(staff.enabled, true)))
      )[0]?.n ?? 0;

    /** Runs both removals at once per round; the rounds where the rule did not hold. */
    async function race(remove: (id: string) => Promise<unknown>) {
      const broken: string[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        await restorePair();
        const answers = await Promise.allSettled([remove(pair[1]), remove(pair[0])]);
        const refused = answers.filter(
          (answer) => answer.status === "rejected" && answer.reason instanceof LastAdminError,
        ).length;
        const done = answers.filter((answer) => answer.status === "fulfilled").length;
        const left = await enabledAdmins();
        if (left < 1 || refused !== 1 || done !== 1)
          broken.push(`round ${round}: ${left} enabled admins, ${done} done, ${refused} refused`);
      }
      console.log(
        `${engine.name}: ${broken.length} of ${ROUNDS} rounds broke the rule${broken.length ? ` (${broken.slice(0, 3).join("; ")}…)` : ""}`,
      );
      return broken;
    }

    it("two admins disabling each other at once: one is refused, one admin stays enabled", async () => {
      expect(await race((id) => setStaffEnabled(id, false))).toEqual([]);
    });

    it("two admins demoting each other at once: one is refused, one admin stays", async () => {
      expect(await race((id) => setStaffRole(id, "agent"))).toEqual([]);
    });

    it("one disabling while the other demotes: still one admin left", async () => {
      let turn = 0;
      expect(await race((id) => (turn++ % 2 === 0 ? setStaffEnabled(id, false) : setStaffRole(id, "viewer")))).toEqual(
        [],
      );
    });

    it("with a third enabled admin both changes go through", async () => {
      await restorePair();
      const third = await addStaff({ email: "third-admin@example.com", role: "admin" });
      await Promise.all([setStaffEnabled(pair[0], false), setStaffEnabled(pair[1], false)]);
      expect(await enabledAdmins()).toBe(1);
      await expect(setStaffEnabled(third.id, false)).rejects.toThrow(LastAdminError);
      await handle.db.delete(staff).where(eq(staff.id, third.id));
    });
  });
}
